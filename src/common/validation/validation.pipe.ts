import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, ValidationProblem } from '../problem/problem';
import { findUnsafeInput } from './safe-input';

/** Flattens class-validator's nested errors into `{ field: "budget.amount", message }` pairs. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = parent ? (/^\d+$/.test(e.property) ? `${parent}[${e.property}]` : `${parent}.${e.property}`) : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([rule, message]) => ({
      field,
      message: rule === 'whitelistValidation' ? `${field} is not an allowed field` : message,
    }));
    return [...own, ...flattenValidationErrors(e.children ?? [], field)];
  });
}

/**
 * Refuses input that would crash class-transformer or PostgreSQL before the DTO rules run
 * (safe-input.ts): too deep, NUL or lone surrogates, prototype keys. Custom decorators (the
 * principal, If-Match) carry server-made values and are left alone.
 */
class SafeInputValidationPipe extends ValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      const unsafe = findUnsafeInput(value, metadata.data ?? metadata.type);
      if (unsafe) throw new ValidationProblem([unsafe]);
    }
    return super.transform(value, metadata) as Promise<unknown>;
  }
}

/** Global pipe: allow-listed fields only, unknown fields rejected, payloads transformed to DTO classes. */
export function createValidationPipe(): ValidationPipe {
  return new SafeInputValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    stopAtFirstError: false,
    exceptionFactory: (errors) => new ValidationProblem(flattenValidationErrors(errors)),
  });
}
