import { DEFAULT_LOCALE, intlTag, isLocale, negotiate, type Locale } from './locale';

/**
 * Which language the app speaks now, outside React too (the API client sends it as
 * Accept-Language). In order: the signed-in user's own choice (GET /me `locale`), else a choice made
 * in this browser before signing in (or kept from the last session), else the best match of
 * navigator.languages, else English. Same order as the server's (docs/i18n.md), so the problems the
 * API answers come back in the language of the page around them.
 */
const PICK_KEY = 'hero-compact.locale';
const listeners = new Set<() => void>();
let account: Locale | null = null;
let picked: Locale | null = readPick();

function readPick(): Locale | null {
  try {
    const value = localStorage.getItem(PICK_KEY);
    return isLocale(value) ? value : null;
  } catch {
    return null;
  }
}

function browserLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}

/** The choice made in this browser, if any. */
export function pickedLocale(): Locale | null {
  return picked;
}

/** The language the browser alone would pick. */
export function browserLocale(): Locale {
  return negotiate(browserLanguages()) ?? DEFAULT_LOCALE;
}

export function currentLocale(): Locale {
  return account ?? picked ?? browserLocale();
}

/** The Intl tag to format with (the browser's regional variant of the current language, if any). */
export function currentTag(): string {
  return intlTag(currentLocale(), browserLanguages());
}

function changed(): void {
  document.documentElement.lang = currentLocale();
  for (const listener of listeners) listener();
}

/** The signed-in user's preference (null: none, or signed out). */
export function setAccountLocale(locale: Locale | null): void {
  if (locale === account) return;
  account = locale;
  changed();
}

/** A choice made in this browser (the sign-in page, the header menu); null goes back to the browser's languages. */
export function pickLocale(locale: Locale | null): void {
  picked = locale;
  try {
    if (locale) localStorage.setItem(PICK_KEY, locale);
    else localStorage.removeItem(PICK_KEY);
  } catch {
    // Storage refused (private mode): the choice lasts until the page reloads.
  }
  changed();
}

/** Marks the page with its language (screen readers, hyphenation) now and whenever it changes. */
export function watchDocumentLanguage(): void {
  document.documentElement.lang = currentLocale();
  window.addEventListener('languagechange', () => {
    document.documentElement.lang = currentLocale();
  });
}

/** Subscribes (useSyncExternalStore): the languages of the browser can change too. */
export function onLocaleChange(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('languagechange', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('languagechange', listener);
  };
}
