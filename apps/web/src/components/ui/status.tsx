import type { ReactNode } from 'react';
import { ApiError, errorMessage } from '../../lib/api-client.js';

export function Spinner({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="spinner-row" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

/**
 * Every query error renders as a sentence with a retry, never as raw JSON or a blank area. A 404 says "Not found"
 * and offers no retry: asking again cannot make it exist.
 */
export function ErrorState({ error, onRetry, title = 'This could not be loaded' }: { error: unknown; onRetry?: () => void; title?: string }) {
  if (error instanceof ApiError && error.status === 404) {
    return (
      <div className="notice notice-error" role="alert" data-testid="not-found">
        <strong>Not found.</strong> <span>{errorMessage(error)}</span>
      </div>
    );
  }
  return (
    <div className="notice notice-error" role="alert">
      <strong>{title}.</strong> <span>{errorMessage(error)}</span>
      {onRetry ? (
        <button type="button" className="btn btn-small" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty-state">
      <p className="empty-title">{title}</p>
      {children ? <div className="muted">{children}</div> : null}
    </div>
  );
}

export function Notice({ kind = 'info', children }: { kind?: 'info' | 'success' | 'warning' | 'error'; children: ReactNode }) {
  return (
    <div className={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
