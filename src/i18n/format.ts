import type { Locale } from './locale';

/**
 * Dates and money per locale, always through Intl (never hand-formatted): French writes
 * "12 000,00 €" with narrow no-break spaces, English "€12,000.00". Instants are shown in UTC, the
 * time zone of the API, with the zone named, because users have no time zone setting.
 */
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let f = cache.get(key);
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f as T;
}

function currencyFormat(locale: Locale, currency: string): Intl.NumberFormat {
  return cached(`money:${locale}:${currency}`, () => new Intl.NumberFormat(locale, { style: 'currency', currency }));
}

/** Money as the API carries it: integer minor units of an ISO 4217 currency (API.md "Shape"). */
export function formatMoney(money: { amount: number | string; currency: string }, locale: Locale): string {
  const currency = money.currency.trim().toUpperCase();
  let format: Intl.NumberFormat;
  try {
    format = currencyFormat(locale, currency);
  } catch {
    // An unknown currency code (RangeError): still say the amount, in minor units.
    return `${formatNumber(Number(money.amount), locale)} ${currency}`;
  }
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(Number(money.amount) / 10 ** digits);
}

export function formatNumber(value: number, locale: Locale): string {
  return cached(`number:${locale}`, () => new Intl.NumberFormat(locale)).format(value);
}

const asDate = (value: string | Date): Date | null => {
  const d = value instanceof Date ? value : new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  return Number.isNaN(d.getTime()) ? null : d;
};

/** A calendar date (YYYY-MM-DD or an instant's UTC day): "1 mars 2027" / "March 1, 2027". */
export function formatDate(value: string | Date, locale: Locale): string {
  const d = asDate(value);
  if (!d) return String(value);
  return cached(`date:${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' })).format(d);
}

/** An instant with its time in UTC: "12 mars 2026 à 10:00 UTC" / "March 12, 2026 at 10:00 AM UTC". */
export function formatDateTime(value: string | Date, locale: Locale): string {
  const d = asDate(value);
  if (!d) return String(value);
  return cached(
    `datetime:${locale}`,
    () =>
      new Intl.DateTimeFormat(locale, {
        year: 'numeric',
        month: 'long',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        timeZone: 'UTC',
        timeZoneName: 'short',
      }),
  ).format(d);
}
