import { applyDecorators } from '@nestjs/common';
import { IsObject, ValidateNested } from 'class-validator';

/**
 * `@ValidateNested()` for a single nested object. class-validator's own decorator lets an array
 * through (it validates each element — none for `[]`), which then reaches code that expects an
 * object and fails with a 500; requiring an object first makes it a 400 naming the field.
 */
export function ValidateNestedObject(): PropertyDecorator {
  return applyDecorators(IsObject(), ValidateNested());
}
