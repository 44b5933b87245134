/**
 * RFC 9457 problem details. Every error response of the API has this shape (API.md "Errors").
 * Problem types are stable codes; docs/api-guide.md lists them all.
 */
export const PROBLEM_TYPE_BASE = 'https://hero-compact.dev/problems/';

export interface FieldError {
  field: string;
  message: string;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export const problemType = (code: string): string => `${PROBLEM_TYPE_BASE}${code}`;

/** Default problem code and title for each HTTP status the API uses. */
export const STATUS_PROBLEMS: Record<number, { code: string; title: string }> = {
  400: { code: 'bad-request', title: 'Bad request' },
  401: { code: 'unauthenticated', title: 'Authentication required' },
  403: { code: 'forbidden', title: 'Not allowed' },
  404: { code: 'not-found', title: 'Not found' },
  405: { code: 'method-not-allowed', title: 'Method not allowed' },
  409: { code: 'conflict', title: 'Conflict' },
  412: { code: 'precondition-failed', title: 'Precondition failed' },
  413: { code: 'payload-too-large', title: 'Request body too large' },
  415: { code: 'unsupported-media-type', title: 'Unsupported media type' },
  422: { code: 'unprocessable', title: 'Unprocessable request' },
  428: { code: 'precondition-required', title: 'Precondition required' },
  429: { code: 'rate-limited', title: 'Too many requests' },
  500: { code: 'internal-error', title: 'Internal server error' },
  503: { code: 'service-unavailable', title: 'Service unavailable' },
};

/**
 * A domain or HTTP-level failure with a stable problem code. Thrown by services and domain rules,
 * turned into problem+json by ProblemFilter. `extensions` become extra members of the body.
 */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    detail?: string,
    readonly extensions: Record<string, unknown> = {},
    readonly errors?: FieldError[],
    readonly headers: Record<string, string> = {},
  ) {
    super(detail ?? title);
    this.name = 'ProblemError';
  }

  get detail(): string {
    return this.message;
  }
}

export class ValidationProblem extends ProblemError {
  constructor(errors: FieldError[], detail = 'The request has invalid fields.') {
    super(400, 'validation-error', 'Validation failed', detail, {}, errors);
  }
}

export class NotFoundProblem extends ProblemError {
  constructor(what = 'Resource') {
    super(404, 'not-found', 'Not found', `${what} not found.`);
  }
}

export class ServiceUnavailableProblem extends ProblemError {
  constructor(detail = 'The database is unavailable. Try again shortly.', retryAfterSeconds = 5) {
    super(503, 'service-unavailable', 'Service unavailable', detail, { retryAfter: retryAfterSeconds }, undefined, {
      'Retry-After': String(retryAfterSeconds),
    });
  }
}
