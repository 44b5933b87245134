import { NOTIFICATIONS_EN } from './catalogs/notifications.en';
import { NOTIFICATIONS_FR } from './catalogs/notifications.fr';
import { PROBLEMS_EN } from './catalogs/problems.en';
import { PROBLEMS_FR } from './catalogs/problems.fr';
import { TERMS_EN } from './catalogs/terms.en';
import { TERMS_FR } from './catalogs/terms.fr';
import { VALIDATION_EN } from './catalogs/validation.en';
import { VALIDATION_FR } from './catalogs/validation.fr';
import type { Locale } from './locale';

/**
 * The message catalogs: one flat map per language from a stable message key to its text. English
 * defines the keys; every other language is typed `Record<MessageKey, string>`, so a key missing in
 * French does not compile (and catalog.spec.ts checks the same at run time, placeholders included).
 */
export const EN = { ...PROBLEMS_EN, ...VALIDATION_EN, ...NOTIFICATIONS_EN, ...TERMS_EN };
export type MessageKey = keyof typeof EN;

const FR: Record<MessageKey, string> = { ...PROBLEMS_FR, ...VALIDATION_FR, ...NOTIFICATIONS_FR, ...TERMS_FR };

export const CATALOGS: Readonly<Record<Locale, Readonly<Record<MessageKey, string>>>> = { en: EN, fr: FR };

export const MESSAGE_KEYS = Object.keys(EN) as MessageKey[];

export function isMessageKey(key: unknown): key is MessageKey {
  return typeof key === 'string' && Object.prototype.hasOwnProperty.call(EN, key);
}
