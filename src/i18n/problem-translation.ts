import type { ProblemBody } from '../common/problem/problem';
import { STATUS_PROBLEMS } from '../common/problem/problem';
import { CATALOGS, EN, isMessageKey, MESSAGE_KEYS, type MessageKey } from './catalog';
import { formatDate, formatNumber } from './format';
import type { Locale } from './locale';
import { translate, translateTerm } from './messages';
import { interpolate, literalLength, matchTemplate, NUMERIC_PLACEHOLDERS } from './template';

/**
 * Problem+json in the reader's language (docs/i18n.md "What is translated"). Services throw English
 * problems with a stable code; here, on the way out, the title is replaced by the code's title in
 * the catalog, and the detail and field messages by their translation when their English text
 * matches a catalog template. `type`, `status`, `instance`, extension members and `errors[].field`
 * never change: clients branch on those. Text that matches no template stays in English.
 */
export function localizeProblem(body: ProblemBody, code: string, locale: Locale): ProblemBody {
  if (locale === 'en') return body;
  const out: ProblemBody = { ...body, title: problemTitle(code, body.status, locale) ?? body.title };
  if (typeof body.detail === 'string') out.detail = translateDetail(code, body.detail, locale) ?? body.detail;
  if (body.errors) out.errors = body.errors.map((e) => ({ field: e.field, message: translateFieldMessage(e.field, e.message, locale) }));
  return out;
}

export function problemTitle(code: string, status: number, locale: Locale): string | undefined {
  for (const c of [code, STATUS_PROBLEMS[status]?.code]) {
    const key = `problem.${c}.title`;
    if (isMessageKey(key)) return CATALOGS[locale][key];
  }
  return undefined;
}

type Template = { key: MessageKey; template: string };
const bySpecificity = (a: Template, b: Template) => literalLength(b.template) - literalLength(a.template);

const DETAILS = new Map<string, Template[]>();
for (const key of MESSAGE_KEYS) {
  const m = /^problem\.([^.]+)\.detail(\.[^.]+)?$/.exec(key);
  if (!m) continue;
  const list = DETAILS.get(m[1]) ?? [];
  list.push({ key, template: EN[key] });
  DETAILS.set(m[1], list.sort(bySpecificity));
}

/** Values read back from the English text, rewritten for `locale`; null if one cannot be. */
function localizeValues(values: Record<string, string>, locale: Locale): Record<string, string> | null {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) {
    const term = translateTerm(name, value, locale);
    if (term === undefined) return null;
    if (term !== null) out[name] = term;
    else if (NUMERIC_PLACEHOLDERS.has(name)) out[name] = formatNumber(Number(value), locale);
    else if (name === 'dueOn') out[name] = formatDate(value, locale);
    else out[name] = value;
  }
  return out;
}

function fromTemplates(
  templates: readonly Template[],
  text: string,
  locale: Locale,
  extra: Record<string, string> = {},
): string | undefined {
  for (const { key, template } of templates) {
    const matched = matchTemplate(template, text);
    const values = matched && localizeValues(matched, locale);
    if (values) return interpolate(CATALOGS[locale][key], { ...values, ...extra });
  }
  return undefined;
}

export function translateDetail(code: string, detail: string, locale: Locale): string | undefined {
  return fromTemplates(DETAILS.get(code) ?? [], detail, locale);
}

const FIELD_MESSAGES: Template[] = MESSAGE_KEYS.filter((k) => k.startsWith('validation.') && !k.startsWith('validation.subject.'))
  .map((key) => ({ key, template: EN[key] }))
  .sort(bySpecificity);
const EACH = 'each value in ';

/**
 * A field message in `locale`. class-validator writes the property name ("amount"); the translation
 * names the whole field path from `field` ("budget.amount"), the same path `errors[].field` carries.
 */
export function translateFieldMessage(field: string, message: string, locale: Locale): string {
  if (locale === 'en') return message;
  const each = message.startsWith(EACH);
  const subject = translate(each ? 'validation.subject.each' : 'validation.subject.field', locale, { field });
  return fromTemplates(FIELD_MESSAGES, each ? message.slice(EACH.length) : message, locale, { subject }) ?? message;
}
