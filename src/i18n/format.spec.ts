import { formatDate, formatDateTime, formatMoney } from './format';

describe('money and dates per locale (Intl, never hand-formatted)', () => {
  it('formats minor units with the currency’s own decimals', () => {
    const eur = (locale: string) => new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(12000);
    expect(formatMoney({ amount: 1_200_000, currency: 'EUR' }, 'en')).toBe('€12,000.00');
    expect(formatMoney({ amount: 1_200_000, currency: 'EUR' }, 'en')).toBe(eur('en'));
    // French groups with a narrow no-break space and puts the symbol last: compare with Intl itself.
    expect(formatMoney({ amount: 1_200_000, currency: 'EUR' }, 'fr')).toBe(eur('fr'));
    expect(formatMoney({ amount: 1_200_000, currency: 'EUR' }, 'fr')).toMatch(/^12\s000,00\s€$/u);
    expect(formatMoney({ amount: '500', currency: 'JPY' }, 'en')).toBe('¥500');
  });

  it('still says an amount whose currency Intl does not know', () => {
    expect(formatMoney({ amount: 1234, currency: 'ZZ' }, 'en')).toBe('1,234 ZZ');
  });

  it('formats calendar dates without shifting the day, and instants in UTC', () => {
    expect(formatDate('2027-03-01', 'en')).toBe('March 1, 2027');
    expect(formatDate('2027-03-01', 'fr')).toBe('1 mars 2027');
    const at = '2026-03-12T10:05:00.000Z';
    expect(formatDateTime(at, 'fr')).toBe(
      new Intl.DateTimeFormat('fr', {
        year: 'numeric',
        month: 'long',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        timeZone: 'UTC',
        timeZoneName: 'short',
      }).format(new Date(at)),
    );
    expect(formatDateTime(at, 'fr')).toContain('12 mars 2026');
    expect(formatDateTime(at, 'en')).toContain('March 12, 2026');
    expect(formatDate('not a date', 'fr')).toBe('not a date');
  });
});
