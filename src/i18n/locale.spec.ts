import fc from 'fast-check';
import { negotiateLocale, parseAcceptLanguage, resolveLocale } from './locale';

describe('locale resolution (docs/i18n.md "How the locale is chosen")', () => {
  it.each([
    ['fr', 'fr'],
    ['fr-CA', 'fr'],
    ['FR-fr', 'fr'],
    ['en-GB,en;q=0.9', 'en'],
    ['de-DE, fr;q=0.7, en;q=0.5', 'fr'],
    ['en;q=0.4, fr;q=0.8', 'fr'],
    ['fr;q=0, en', 'en'],
    ['de, *;q=0.1', 'en'],
    ['es, it', undefined],
    ['', undefined],
    [undefined, undefined],
    ['fr;q=abc, en', 'en'],
  ])('Accept-Language %p → %p', (header, expected) => expect(negotiateLocale(header)).toBe(expected));

  it('keeps the order of equal q-values', () => {
    expect(parseAcceptLanguage('fr, en').map((r) => r.tag)).toEqual(['fr', 'en']);
    expect(negotiateLocale('en, fr')).toBe('en');
  });

  it('puts a chosen preference first, then Accept-Language, then English', () => {
    expect(resolveLocale('fr', 'en')).toBe('fr');
    expect(resolveLocale('en', 'fr')).toBe('en');
    expect(resolveLocale(null, 'fr-BE')).toBe('fr');
    expect(resolveLocale(undefined, 'de')).toBe('en');
    expect(resolveLocale('xx', undefined)).toBe('en');
  });

  it('always answers a supported locale, whatever the header', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (header) => expect(['en', 'fr']).toContain(resolveLocale(null, header))));
  });
});
