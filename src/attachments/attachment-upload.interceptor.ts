import { BadRequestException, CallHandler, ExecutionContext, Injectable, NestInterceptor, PayloadTooLargeException } from '@nestjs/common';
import type { Request } from 'express';
import { catchError, Observable, throwError } from 'rxjs';
import { AppConfig } from '../config/app-config';
import { ProblemError, ValidationProblem } from '../common/problem/problem';

/**
 * Wraps multer (FileInterceptor, bound after this one) on the upload route: a body that is not
 * multipart/form-data is a 415 before anything is read, and multer's own failures become problems
 * that say what to fix — the size limit (413) or the offending part (400).
 */
@Injectable()
export class AttachmentUploadProblems implements NestInterceptor {
  constructor(private readonly config: AppConfig) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<Request>();
    const mediaType = String(req.headers['content-type'] ?? '')
      .split(';')[0]
      ?.trim()
      .toLowerCase();
    if (mediaType !== 'multipart/form-data') {
      throw new ProblemError(
        415,
        'unsupported-media-type',
        'Unsupported media type',
        `Upload the file as multipart/form-data with a part named "file" (got "${mediaType || 'none'}").`,
      );
    }
    return next.handle().pipe(catchError((err: unknown) => throwError(() => this.toProblem(err))));
  }

  private toProblem(err: unknown): unknown {
    const maxBytes = this.config.attachments.maxBytes;
    if (err instanceof PayloadTooLargeException) {
      return new ProblemError(413, 'attachment-too-large', 'Attachment too large', `Files are limited to ${maxBytes} bytes.`, { maxBytes });
    }
    if (err instanceof BadRequestException && (err.cause as { code?: unknown } | undefined)?.code !== undefined) {
      const cause = err.cause as { code: string; field?: string; message: string };
      return new ValidationProblem(
        [{ field: cause.field ?? 'file', message: `${cause.message} (${cause.code})` }],
        'The multipart body is not acceptable.',
      );
    }
    return err;
  }
}
