import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsISO4217CurrencyCode, Max, Min } from 'class-validator';

/** Money as integer minor units + ISO 4217 currency (API.md "Shape"). */
export class MoneyDto {
  @ApiProperty({ example: 125000, description: 'Integer amount in minor units (cents)' })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  amount!: number;

  @ApiProperty({ example: 'EUR', description: 'ISO 4217 currency code' })
  @IsISO4217CurrencyCode()
  currency!: string;
}

export function moneyOrNull(amount: string | number | null, currency: string | null): MoneyDto | null {
  if (amount === null || currency === null) return null;
  return { amount: Number(amount), currency: currency.trim() };
}
