import { currentI18n } from '../i18n/use-i18n';
import type { FieldErrorDto, ProblemDto } from './generated/api';

/** An RFC 9457 problem the API answered with, thrown by every API call that fails. */
export class ApiProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly errors: FieldErrorDto[];

  constructor(readonly body: ProblemDto & Record<string, unknown>) {
    super(body.detail ?? body.title);
    this.name = 'ApiProblem';
    this.status = body.status;
    this.code = body.type.split('/').pop() ?? 'error';
    this.errors = body.errors ?? [];
  }

  /** Messages for one field, matching `field` exactly or any nested path below it (vendors[0].name). */
  fieldMessages(field: string): string[] {
    return this.errors.filter((e) => e.field === field).map((e) => e.message);
  }

  /** Whether the problem names this field. */
  names(field: string): boolean {
    return this.errors.some((e) => e.field === field);
  }
}

function isProblemBody(value: unknown): value is ProblemDto & Record<string, unknown> {
  return typeof value === 'object' && value !== null && 'status' in value && 'title' in value && 'type' in value;
}

/**
 * The generated client throws the fetch Response with the parsed body in `error`; turn that (or a
 * network failure) into an ApiProblem so every screen handles one kind of error.
 */
export function toApiProblem(thrown: unknown): ApiProblem {
  if (thrown instanceof ApiProblem) return thrown;
  // The server's problems come translated (Accept-Language); these few are the app's own.
  const { t } = currentI18n();
  if (thrown instanceof Response) {
    const error: unknown = (thrown as Response & { error?: unknown }).error;
    if (isProblemBody(error)) return new ApiProblem(error);
    return new ApiProblem({
      type: 'about:blank',
      title: t('problem.http.title'),
      status: thrown.status,
      detail: t('problem.http.detail', { status: String(thrown.status) }),
    });
  }
  return new ApiProblem({
    type: 'about:blank',
    title: t('problem.network.title'),
    status: 0,
    detail: t('problem.network.detail'),
  });
}
