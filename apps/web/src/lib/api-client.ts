import type { ErrorBody } from '@logicode/contracts';
import { refreshSession, thinksSignedIn } from './session-refresh.js';

/** A field's problem, as the API's VALIDATION details name it (`details: [{ path, message }]`). */
export interface FieldError {
  path: string;
  message: string;
}

/**
 * Every failed request becomes one of these: a human sentence in `message`, the catalog code, and
 * per-field messages when the server named fields. Components show `message`; forms show `fieldErrors`.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  readonly fieldErrors: Record<string, string>;

  constructor(options: { status: number; code: string; message: string; details?: unknown }) {
    super(options.message);
    this.name = 'ApiError';
    this.status = options.status;
    this.code = options.code;
    this.details = options.details;
    this.fieldErrors = toFieldErrors(options.details);
  }
}

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
}

function toFieldErrors(details: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!Array.isArray(details)) return out;
  for (const item of details) {
    if (item && typeof item === 'object' && 'message' in item) {
      const rawPath = (item as { path?: unknown }).path;
      const path = Array.isArray(rawPath) ? rawPath.join('.') : String(rawPath ?? '');
      out[path] ??= String((item as { message: unknown }).message);
    }
  }
  return out;
}

export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** Turns any error body (or none) into a sentence a person can act on. */
function toApiError(status: number, body: unknown): ApiError {
  if (body && typeof body === 'object' && 'code' in body && 'message' in body) {
    const err = body as ErrorBody;
    let message = err.message;
    if (status >= 500) message = 'Something went wrong on our side. Please try again in a moment.';
    const fieldMessages = Object.values(toFieldErrors(err.details));
    if (err.code === 'VALIDATION' && fieldMessages.length > 0) {
      message = 'Some fields need attention: ' + fieldMessages.slice(0, 3).join(' ');
    }
    return new ApiError({ status, code: err.code, message, details: err.details });
  }
  if (status === 502 || status === 503 || status === 504) {
    return new ApiError({ status, code: 'UNAVAILABLE', message: 'The server is not reachable right now. Please try again shortly.' });
  }
  return new ApiError({ status, code: 'HTTP_' + status, message: `The server answered unexpectedly (HTTP ${status}).` });
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const init: RequestInit = { method: options.method ?? 'GET', credentials: 'same-origin', headers: { accept: 'application/json' } };
  if (options.signal) init.signal = options.signal;
  if (options.body instanceof FormData) {
    init.body = options.body; // multipart: the browser writes the content type with its boundary
  } else if (options.body !== undefined) {
    init.headers = { ...init.headers, 'content-type': 'application/json' };
    init.body = JSON.stringify(options.body);
  }
  try {
    return await fetch(buildUrl(path, options.query), init);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw networkError();
  }
}

/** status 0: the request never got an answer (offline, the server unreachable, or a time-out). */
export function networkError(): ApiError {
  const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
  return new ApiError({
    status: 0,
    code: 'NETWORK',
    message: offline ? 'You are offline. Try again when the connection is back.' : 'Cannot reach LogiCode. Check your connection and try again.',
  });
}

export function isNetworkError(error: unknown): boolean {
  return error instanceof ApiError && error.status === 0;
}

// Routes whose 401 is their answer (wrong password, no session to refresh), never a reason to refresh.
const NO_REFRESH = ['/api/auth/refresh', '/api/auth/login', '/api/auth/signup', '/api/auth/logout'];

/**
 * A 401 a refresh can cure: the token expired (TOKEN_EXPIRED), or no token came at all while we believe a session
 * exists (UNAUTHENTICATED: an access cookie the browser already dropped, or a tab reopened after its lifetime).
 */
function curable(path: string, code: string | undefined): boolean {
  if (NO_REFRESH.some((p) => path.startsWith(p))) return false;
  return code === 'TOKEN_EXPIRED' || (code === 'UNAUTHENTICATED' && thinksSignedIn());
}

async function readBody(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * The one typed fetch client: JSON in, JSON out, ApiError on failure. A 401 a refresh can cure is refreshed (once,
 * shared by concurrent requests and tabs) and the request retried once; a refused refresh ends the session
 * (session-refresh announces it) and the 401 stands.
 */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  let res = await send(path, options);
  if (res.status === 401) {
    const body = await readBody(res.clone());
    const code = body && typeof body === 'object' ? (body as { code?: string }).code : undefined;
    if (curable(path, code)) {
      const outcome = await refreshSession();
      if (outcome === 'offline') throw networkError();
      if (outcome === 'refreshed') res = await send(path, options);
    }
  }
  const body = await readBody(res);
  if (!res.ok) throw toApiError(res.status, body);
  return body as T;
}

export const api = {
  get: <T>(path: string, query?: Record<string, QueryValue>, signal?: AbortSignal) =>
    apiRequest<T>(path, { query, ...(signal ? { signal } : {}) }),
  post: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'POST', body: body ?? {} }),
  put: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'PUT', body: body ?? {} }),
  patch: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'PATCH', body: body ?? {} }),
  delete: <T>(path: string) => apiRequest<T>(path, { method: 'DELETE' }),
};

/** A sentence for anything thrown: ApiError keeps its own, the rest get a calm generic one. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Something unexpected happened. Please reload the page.';
}
