/**
 * Issue 12 item 5: every user-facing message in French and English. This file decides which of the
 * two a response speaks (docs/i18n.md "How the locale is chosen"):
 *   1. the signed-in user's own preference (`app_user.locale`, set with PATCH /me), when they made one;
 *   2. else the best match of the request's Accept-Language among the supported locales;
 *   3. else English.
 * An explicit preference wins over the browser's header, so a person who chose French gets French
 * on any device; a person who never chose follows their browser.
 */
export const LOCALES = ['en', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

interface LanguageRange {
  tag: string;
  q: number;
  order: number;
}

/** RFC 9110 §12.5.4: comma-separated ranges with optional q-values; malformed parts are skipped. */
export function parseAcceptLanguage(header: string | undefined): LanguageRange[] {
  if (!header || header.length > 1024) return [];
  return header
    .split(',')
    .map((part, order) => {
      const [tag = '', ...params] = part.trim().split(';');
      const qParam = params.map((p) => p.trim()).find((p) => /^q=/i.test(p));
      const q = qParam === undefined ? 1 : Number(qParam.slice(2));
      return { tag: tag.trim().toLowerCase(), q: /^\d(\.\d{0,3})?$/.test(qParam?.slice(2) ?? '1') ? q : NaN, order };
    })
    .filter((r) => /^(\*|[a-z]{1,8}(-[a-z0-9]{1,8})*)$/.test(r.tag) && r.q > 0 && r.q <= 1)
    .sort((a, b) => b.q - a.q || a.order - b.order);
}

/** RFC 4647 lookup: `fr-CA` and `fr` both match `fr`; `*` means "anything", i.e. the default. */
export function negotiateLocale(header: string | undefined): Locale | undefined {
  for (const range of parseAcceptLanguage(header)) {
    if (range.tag === '*') return DEFAULT_LOCALE;
    const primary = range.tag.split('-')[0];
    if (isLocale(primary)) return primary;
  }
  return undefined;
}

/** Preference first, then Accept-Language, then English. */
export function resolveLocale(preference: unknown, acceptLanguage: string | undefined): Locale {
  if (isLocale(preference)) return preference;
  return negotiateLocale(acceptLanguage) ?? DEFAULT_LOCALE;
}
