import { Component, type ErrorInfo, type ReactNode } from 'react';

/** One per route area, so a crash in the editor leaves the navigation usable. */
export class ErrorBoundary extends Component<{ children: ReactNode; area: string }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(`[${this.props.area}]`, error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="notice notice-error" role="alert">
        <strong>The {this.props.area} stopped working.</strong> Reloading the page usually fixes it.{' '}
        <button type="button" className="btn btn-small" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
