import type { ReactNode } from 'react';
import { CATALOGS, EN, type Key, type ParamsOf } from './catalog';
import {
  formatDate,
  formatDateTime,
  formatFileSize,
  formatMoney,
  formatNumber,
  formatPercent,
  majorUnitsText,
  numberInputText,
  parseDecimal,
  parseMajorUnits,
  type Money,
} from './format';
import { isLocale, type Locale } from './locale';
import { interpolate, interpolateNodes } from './template';

type Value = string | number;
/** No argument for a text without placeholders; otherwise exactly its placeholders. */
type Args<K extends Key> = [ParamsOf<K>] extends [never] ? [] : [params: Record<ParamsOf<K>, Value>];

/** Bases `x` with both `x.one` and `x.other` in the catalog: counted texts. */
type PluralBase = { [K in Key]: K extends `${infer B}.one` ? (`${B}.other` extends Key ? B : never) : never }[Key];
type PluralParams<B extends PluralBase> = Exclude<ParamsOf<`${B}.one` & Key> | ParamsOf<`${B}.other` & Key>, 'count'>;
type PluralArgs<B extends PluralBase> = [PluralParams<B>] extends [never] ? [] : [params: Record<PluralParams<B>, Value>];

export interface Formatters {
  money: (money: Money | null | undefined) => string;
  date: (iso: string | null | undefined) => string;
  dateTime: (iso: string | null | undefined) => string;
  number: (value: number) => string;
  percent: (share: number) => string;
  fileSize: (bytes: number) => string;
  /** What a person typed, in their convention ("12 000,5" in French) → a number, or undefined. */
  parseNumber: (text: string) => number | undefined;
  /** A typed amount → minor units of the currency, or undefined. */
  parseMoney: (text: string, currency: string) => number | undefined;
  /** A number → the text to put back into an input ("12,5" in French). */
  numberInput: (value: number) => string;
  /** Minor units → the text to put back into an input. */
  moneyInput: (money: Money | null | undefined) => string;
}

export interface I18n {
  locale: Locale;
  /** The Intl tag dates and money are formatted with (en, en-GB, fr-FR…). */
  tag: string;
  t: <K extends Key>(key: K, ...args: Args<K>) => string;
  /** A counted text: `base.one` or `base.other` by the language's plural rules, `{count}` filled in. */
  tp: <B extends PluralBase>(base: B, count: number, ...args: PluralArgs<B>) => string;
  /** A text with React nodes (links, emphasis) in its placeholders. */
  rich: <K extends Key>(key: K, params: Record<ParamsOf<K>, ReactNode>) => ReactNode[];
  /** The word for an API code of a family (`term('state', 'in_review')`), else the fallback, else the code made readable. */
  term: (family: string, code: string, fallback?: string) => string;
  /**
   * A text the server sends in English from data it owns (the risk framework): translated when it is
   * still the English text the catalog knows under `key`, else shown as the server wrote it.
   */
  known: (key: string, serverText: string) => string;
  fmt: Formatters;
}

/** snake_case and dotted codes → "Sentence case", for codes no catalog names. */
export function humanize(code: string): string {
  const words = code.replace(/[._-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function build(tag: string): I18n {
  const lang = tag.split('-')[0];
  const locale: Locale = isLocale(lang) ? lang : 'en';
  const catalog = CATALOGS[locale];
  const texts = catalog as Readonly<Record<string, string>>;
  const strings = (params: Record<string, Value> | undefined): Record<string, string> =>
    Object.fromEntries(Object.entries(params ?? {}).map(([k, v]) => [k, typeof v === 'number' ? formatNumber(v, tag) : v]));
  const plurals = new Intl.PluralRules(tag);

  const t = <K extends Key>(key: K, ...args: Args<K>): string => interpolate(catalog[key], strings(args[0]));
  return {
    locale,
    tag,
    t,
    tp: (base, count, ...args) => {
      const form = `${base}.${plurals.select(count)}`;
      const template = texts[form] ?? texts[`${base}.other`];
      return interpolate(template, { ...strings(args[0]), count: formatNumber(count, tag) });
    },
    rich: (key, params) => interpolateNodes(catalog[key], params as Record<string, ReactNode>),
    term: (family, code, fallback) => texts[`${family}.${code}`] ?? fallback ?? humanize(code),
    known: (key, serverText) => ((EN as Readonly<Record<string, string>>)[key] === serverText ? (texts[key] ?? serverText) : serverText),
    fmt: {
      money: (money) => formatMoney(money, tag),
      date: (iso) => formatDate(iso, tag),
      dateTime: (iso) => formatDateTime(iso, tag),
      number: (value) => formatNumber(value, tag),
      percent: (share) => formatPercent(share, tag),
      fileSize: (bytes) => formatFileSize(bytes, tag),
      parseNumber: (text) => parseDecimal(text, tag),
      parseMoney: (text, currency) => parseMajorUnits(text, currency, tag),
      numberInput: (value) => numberInputText(value, tag),
      moneyInput: (money) => majorUnitsText(money, tag),
    },
  };
}

const built = new Map<string, I18n>();

/** The translator and formatters for an Intl tag (one object per tag, so React sees a stable value). */
export function i18nFor(tag: string): I18n {
  let i18n = built.get(tag);
  if (!i18n) {
    i18n = build(tag);
    built.set(tag, i18n);
  }
  return i18n;
}
