/**
 * The app's two languages and how one is picked from the browser's list (navigator.languages).
 * Pure functions: the locale store (locale-store.ts) supplies the browser's languages.
 */
export const LOCALES = ['en', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** Each language named in itself, as a language menu shows it. */
export const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', fr: 'Français' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

const primary = (tag: string): string => tag.trim().toLowerCase().split('-')[0];

/** The first of the browser's languages the app speaks (`fr-CA` → fr), like the server's RFC 4647 lookup. */
export function negotiate(languages: readonly string[]): Locale | undefined {
  for (const tag of languages) {
    const lang = primary(tag);
    if (isLocale(lang)) return lang;
  }
  return undefined;
}

/**
 * The tag Intl formats with: the browser's own regional variant of the chosen language when it has
 * one (en-GB writes 1 March, en-US March 1), else the bare language.
 */
export function intlTag(locale: Locale, languages: readonly string[]): string {
  const regional = languages.find((tag) => primary(tag) === locale);
  if (!regional) return locale;
  try {
    return Intl.getCanonicalLocales(regional)[0] ?? locale;
  } catch {
    return locale;
  }
}
