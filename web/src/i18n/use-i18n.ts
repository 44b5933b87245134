import { useSyncExternalStore } from 'react';
import { currentTag, onLocaleChange } from './locale-store';
import { i18nFor, type I18n } from './translate';

/** The current language's texts and formatters; re-renders when the language changes. */
export function useI18n(): I18n {
  return i18nFor(useSyncExternalStore(onLocaleChange, currentTag));
}

/** For code outside components (the API client's own problems): the language right now. */
export function currentI18n(): I18n {
  return i18nFor(currentTag());
}
