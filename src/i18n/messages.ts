import { CATALOGS, EN, isMessageKey, MESSAGE_KEYS, type MessageKey } from './catalog';
import { formatDate, formatDateTime, formatMoney, formatNumber } from './format';
import type { Locale } from './locale';
import { interpolate } from './template';

/**
 * A message parameter, as stored (JSON) with a notification and rendered when read: plain text as
 * is, numbers, money, dates and nested messages formatted for the reader's locale.
 */
export type MessageParam =
  | string
  | number
  | { t: 'money'; amount: number | string; currency: string }
  | { t: 'date'; value: string }
  | { t: 'dateTime'; value: string }
  | { t: 'key'; key: MessageKey; params?: MessageParams };
export type MessageParams = { [name: string]: MessageParam };

/** A message to render later: a catalog key and its parameters. */
export interface LocalizedMessage {
  key: MessageKey;
  params: MessageParams;
}

export function renderParam(param: MessageParam, locale: Locale): string {
  if (typeof param === 'string') return param;
  if (typeof param === 'number') return formatNumber(param, locale);
  switch (param.t) {
    case 'money':
      return formatMoney(param, locale);
    case 'date':
      return formatDate(param.value, locale);
    case 'dateTime':
      return formatDateTime(param.value, locale);
    case 'key':
      return translate(param.key, locale, param.params);
  }
}

/** The message `key` in `locale`, its placeholders filled from `params`. */
export function translate(key: MessageKey, locale: Locale, params: MessageParams = {}): string {
  const values = Object.fromEntries(Object.entries(params).map(([name, p]) => [name, renderParam(p, locale)]));
  return interpolate(CATALOGS[locale][key], values);
}

/** Is this stored value a message we can render (known keys all the way down, well-formed params)? */
export function isRenderable(key: unknown, params: unknown): key is MessageKey {
  if (!isMessageKey(key) || typeof params !== 'object' || params === null || Array.isArray(params)) return false;
  return Object.values(params as Record<string, unknown>).every(isParam);
}

function isParam(p: unknown): boolean {
  if (typeof p === 'string' || typeof p === 'number') return true;
  if (typeof p !== 'object' || p === null) return false;
  const o = p as Record<string, unknown>;
  switch (o.t) {
    case 'money':
      return (typeof o.amount === 'number' || typeof o.amount === 'string') && typeof o.currency === 'string';
    case 'date':
    case 'dateTime':
      return typeof o.value === 'string';
    case 'key':
      return isRenderable(o.key, o.params ?? {});
    default:
      return false;
  }
}

const normalize = (value: string): string =>
  value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');

/** Term families (`term.state`, `term.record`, …) and, per family, English text → key. */
const families = new Map<string, Map<string, MessageKey>>();
for (const key of MESSAGE_KEYS) {
  if (!key.startsWith('term.')) continue;
  const family = key.slice(0, key.lastIndexOf('.'));
  if (!families.has(family)) families.set(family, new Map());
  families.get(family)!.set(EN[key], key);
}

/**
 * A value taken from an English text, in `locale`: a word of a term family looked up by key
 * (`in_review` → term.state.in_review) or by its English text (whole refusal sentences). Undefined
 * when `name` has a family but the value is not in it (so the caller keeps the English text).
 */
export function translateTerm(name: string, value: string, locale: Locale): string | null | undefined {
  const family = families.get(`term.${name}`);
  if (!family) return null;
  const byKey = `term.${name}.${normalize(value)}`;
  const key = isMessageKey(byKey) ? byKey : family.get(value);
  return key ? CATALOGS[locale][key] : undefined;
}
