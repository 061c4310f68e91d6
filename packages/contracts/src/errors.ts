/**
 * The one catalog of error codes. Every error body the API sends is
 * `{ statusCode, code, message, details? }` with `code` from here; docs/error-codes.md lists them.
 */
export const ERROR_CODES = {
  VALIDATION: { statusCode: 400, message: 'The request is not valid.' },
  MALFORMED_JSON: { statusCode: 400, message: 'The request body is not valid JSON.' },
  UNAUTHENTICATED: { statusCode: 401, message: 'Sign in to continue.' },
  INVALID_CREDENTIALS: { statusCode: 401, message: 'The email or password is wrong.' },
  TOKEN_EXPIRED: { statusCode: 401, message: 'The session has expired; sign in again.' },
  FORBIDDEN: { statusCode: 403, message: 'You are not allowed to do this.' },
  PASSWORD_WRONG: { statusCode: 403, message: 'The current password is wrong.' },
  PASSWORD_TOO_COMMON: { statusCode: 400, message: 'This password is on a list of common passwords; choose another.' },
  RESET_TOKEN_INVALID: { statusCode: 400, message: 'This reset link is not valid, was used already or has expired; ask for a new one.' },
  ACCOUNT_DISABLED: { statusCode: 403, message: 'This account is deactivated; ask an administrator.' },
  NOT_FOUND: { statusCode: 404, message: 'Not found.' },
  ROUTE_NOT_FOUND: { statusCode: 404, message: 'There is no such route.' },
  METHOD_NOT_ALLOWED: { statusCode: 405, message: 'The method is not allowed here.' },
  CONFLICT: { statusCode: 409, message: 'The request conflicts with the current state.' },
  EMAIL_TAKEN: { statusCode: 409, message: 'An account with this email already exists.' },
  SLUG_TAKEN: { statusCode: 409, message: 'A problem with this slug already exists.' },
  PROBLEM_IN_USE: { statusCode: 409, message: 'This problem is referenced (submissions, assessments, attempts); archive it instead.' },
  PROBLEM_ARCHIVED: { statusCode: 409, message: 'This problem is archived; restore it first.' },
  ATTEMPT_ENDED: { statusCode: 409, message: 'This attempt has ended.' },
  ATTEMPT_REQUIRED: { statusCode: 409, message: 'Open the problem first: its clock starts when it opens.' },
  ASSESSMENT_NOT_OPEN: { statusCode: 409, message: 'This assessment is not open now.' },
  ASSESSMENT_NOT_DRAFT: { statusCode: 409, message: 'Only a draft assessment can be changed this way.' },
  PAYLOAD_TOO_LARGE: { statusCode: 413, message: 'The request body is too large.' },
  UNSUPPORTED_MEDIA_TYPE: { statusCode: 415, message: 'The content type is not supported.' },
  LANGUAGE_UNAVAILABLE: { statusCode: 422, message: 'This language is not available for this problem.' },
  PROBLEM_INVALID: { statusCode: 422, message: 'The problem failed validation.' },
  PACKAGE_INVALID: { statusCode: 422, message: 'The file is not a problem package we can import.' },
  PUBLISH_UNCONFIRMED: { statusCode: 409, message: 'The import report has a verdict mismatch; confirm to publish anyway.' },
  RATE_LIMITED: { statusCode: 429, message: 'Too many requests; try again shortly.' },
  QUEUE_FULL: { statusCode: 429, message: 'Too many submissions are waiting; wait for one to finish.' },
  INTERNAL: { statusCode: 500, message: 'Something went wrong on our side.' },
  UNAVAILABLE: { statusCode: 503, message: 'The service is temporarily unavailable.' },
} as const satisfies Record<string, { statusCode: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** The body of every error response. */
export interface ErrorBody {
  statusCode: number;
  code: ErrorCode;
  message: string;
  details?: unknown;
}

/** A fault with a code from the catalog; thrown by core and mapped to an ErrorBody by the API. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly statusCode: number;
  readonly details?: unknown;

  constructor(code: ErrorCode, message?: string, details?: unknown) {
    super(message ?? ERROR_CODES[code].message);
    this.name = 'AppError';
    this.code = code;
    this.statusCode = ERROR_CODES[code].statusCode;
    this.details = details;
  }

  toBody(): ErrorBody {
    const body: ErrorBody = { statusCode: this.statusCode, code: this.code, message: this.message };
    if (this.details !== undefined) body.details = this.details;
    return body;
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
