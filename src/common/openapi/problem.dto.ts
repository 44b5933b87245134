import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldErrorDto {
  @ApiProperty({ example: 'budget.amount' }) field!: string;
  @ApiProperty({ example: 'amount must not be less than 0' }) message!: string;
}

/** RFC 9457 problem details, as returned by every error response. */
export class ProblemDto {
  @ApiProperty({ example: 'https://hero-compact.dev/problems/validation-error' }) type!: string;
  @ApiProperty({ example: 'Validation failed' }) title!: string;
  @ApiProperty({ example: 400 }) status!: number;
  @ApiPropertyOptional({ example: 'The request has invalid fields.' }) detail?: string;
  @ApiPropertyOptional({ example: '/api/v1/projects' }) instance?: string;
  @ApiPropertyOptional({ example: '2c1f5a8e-0c77-4f55-9d1e-3f6c1f7b1d2a' }) requestId?: string;
  @ApiPropertyOptional({ type: [FieldErrorDto] }) errors?: FieldErrorDto[];
}
