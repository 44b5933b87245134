/**
 * Money, numbers and dates for one Intl tag (en, en-GB, fr-FR…), always through Intl: French writes
 * "12 000,00 €" with narrow no-break spaces, English "€12,000.00". Every screen formats through
 * here (via useI18n().fmt), never by hand.
 */
/** The API's Money: integer minor units of an ISO 4217 currency (declared here so Node tests can load this file). */
export interface Money {
  amount: number;
  currency: string;
}

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let format = cache.get(key);
  if (!format) {
    format = make();
    cache.set(key, format);
  }
  return format as T;
}

const NONE = '—';

function currencyFormat(tag: string, currency: string): Intl.NumberFormat | undefined {
  try {
    return cached(`money:${tag}:${currency}`, () => new Intl.NumberFormat(tag, { style: 'currency', currency }));
  } catch {
    return undefined; // not an ISO 4217 code
  }
}

/** How many minor units a currency has (EUR 2, JPY 0): the API carries money as integer minor units. */
export function minorDigits(currency: string): number {
  return currencyFormat('en', currency.trim().toUpperCase())?.resolvedOptions().maximumFractionDigits ?? 2;
}

export function formatNumber(value: number, tag: string): string {
  return cached(`number:${tag}`, () => new Intl.NumberFormat(tag, { maximumFractionDigits: 2 })).format(value);
}

/** Money as the API carries it, `{amount (minor units), currency}` → "€12,000.00" / "12 000,00 €". */
export function formatMoney(money: Money | null | undefined, tag: string): string {
  if (!money) return NONE;
  const currency = money.currency.trim().toUpperCase();
  const format = currencyFormat(tag, currency);
  if (!format) return `${formatNumber(money.amount, tag)} ${currency}`;
  return format.format(money.amount / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2));
}

/** A file size → "820 bytes" / "12 kB" / "3.4 MB" ("820 octets", "12 ko" in French): Intl names the units. */
export function formatFileSize(bytes: number, tag: string): string {
  const [value, unit] = bytes < 1000 ? [bytes, 'byte'] : bytes < 1_000_000 ? [bytes / 1000, 'kilobyte'] : [bytes / 1_000_000, 'megabyte'];
  return cached(
    `size:${tag}:${unit}`,
    () =>
      new Intl.NumberFormat(tag, {
        style: 'unit',
        unit,
        // "820 bytes" / "820 octets" in words; "12 kB" / "12 ko" abbreviated.
        unitDisplay: unit === 'byte' ? 'long' : 'short',
        maximumFractionDigits: unit === 'megabyte' ? 1 : 0,
      }),
  ).format(value);
}

/** A share between 0 and 1 → "42%" / "42 %". */
export function formatPercent(share: number, tag: string): string {
  return cached(`percent:${tag}`, () => new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 })).format(share);
}

const asDate = (iso: string): Date => new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso);

/** A calendar day (YYYY-MM-DD, or an instant's UTC day) → "1 Mar 2027" / "1 mars 2027" / "Mar 1, 2027". */
export function formatDate(iso: string | null | undefined, tag: string): string {
  if (!iso) return NONE;
  const date = asDate(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return cached(
    `date:${tag}`,
    () => new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }),
  ).format(date);
}

/** An instant in the browser's own time zone → "1 Mar 2027, 14:05" / "1 mars 2027, 14:05". */
export function formatDateTime(iso: string | null | undefined, tag: string): string {
  if (!iso) return NONE;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return cached(
    `datetime:${tag}`,
    () => new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }),
  ).format(date);
}

/** The decimal separator of a tag ("." or ","), for reading what people type. */
function decimalSeparator(tag: string): string {
  return cached(`number:${tag}`, () => new Intl.NumberFormat(tag, { maximumFractionDigits: 2 }))
    .formatToParts(1.5)
    .find((p) => p.type === 'decimal')?.value === ','
    ? ','
    : '.';
}

/**
 * A number as typed, in the user's convention: "12,000.50" in English, "12 000,50" in French;
 * the other separator is accepted too when it cannot be a grouping ("12000.50" in French).
 * undefined when it is not a number.
 */
export function parseDecimal(text: string, tag: string): number | undefined {
  let cleaned = text.replace(/[\s\u00a0\u202f']/g, '');
  if (decimalSeparator(tag) === ',') {
    // "12.000" is twelve thousand to someone who writes "12 000,50"; "12.5" is twelve and a half.
    const dotGroups = !cleaned.includes(',') && /^\d{1,3}(\.\d{3})+$/.test(cleaned);
    cleaned = cleaned.includes(',') || dotGroups ? cleaned.replace(/\./g, '').replace(',', '.') : cleaned;
  } else {
    cleaned = cleaned.replace(/,/g, '');
  }
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return undefined;
  return Number(cleaned);
}

/** A typed amount in major units ("12 000,50") → minor units of the currency, or undefined. */
export function parseMajorUnits(text: string, currency: string, tag: string): number | undefined {
  if (text.trim() === '') return undefined;
  const value = parseDecimal(text, tag);
  const digits = minorDigits(currency);
  if (value === undefined || value < 0) return undefined;
  const minor = value * 10 ** digits;
  // More decimals than the currency has is a typing mistake, not something to round away.
  return Math.abs(minor - Math.round(minor)) < 1e-6 ? Math.round(minor) : undefined;
}

/** A number as a person would type it back in an input ("12.5" / "12,5"), without grouping. */
export function numberInputText(value: number, tag: string): string {
  return decimalSeparator(tag) === ',' ? String(value).replace('.', ',') : String(value);
}

/** Minor units → the amount as a person would type it back in an input ("12000.50" / "12000,50"). */
export function majorUnitsText(money: Money | null | undefined, tag: string): string {
  if (!money) return '';
  const digits = minorDigits(money.currency);
  return numberInputText(Number((money.amount / 10 ** digits).toFixed(digits)), tag);
}
