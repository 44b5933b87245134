import { ValidationError } from 'class-validator';
import { flattenValidationErrors } from './validation.pipe';

const err = (property: string, constraints?: Record<string, string>, children: ValidationError[] = []): ValidationError =>
  Object.assign(new ValidationError(), { property, constraints, children });

describe('flattenValidationErrors', () => {
  it('names nested and array fields with dotted paths', () => {
    const errors = [
      err('budget', undefined, [err('amount', { min: 'amount must not be less than 0' })]),
      err('kpis', undefined, [err('0', undefined, [err('name', { isNotEmpty: 'name should not be empty' })])]),
      err('role', { whitelistValidation: 'property role should not exist' }),
    ];
    expect(flattenValidationErrors(errors)).toEqual([
      { field: 'budget.amount', message: 'amount must not be less than 0' },
      { field: 'kpis[0].name', message: 'name should not be empty' },
      { field: 'role', message: 'role is not an allowed field' },
    ]);
  });
});
