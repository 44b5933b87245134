/**
 * ICU-free templates: `{name}` placeholders, nothing else (no plural or select rules; a message that
 * needs another wording gets another key). The same template is used both ways: filled in to write
 * a message, and matched against an English text to recover the values it was written with.
 */
const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9_]*)\}/g;

/** Placeholders whose values are numbers: matched as digits only, and formatted per locale. */
export const NUMERIC_PLACEHOLDERS: ReadonlySet<string> = new Set([
  'min',
  'max',
  'depth',
  'revision',
  'maxBytes',
  'bytes',
  'number',
  'milestone',
  'failures',
]);

export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]).sort();
}

/**
 * Fills the placeholders in one pass, so a value that itself contains `{…}` (a project title typed
 * by a user) is never expanded. A placeholder without a value is left as written.
 */
export function interpolate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) ? values[name] : whole,
  );
}

interface Compiled {
  regex: RegExp;
  names: string[];
}

const compiled = new Map<string, Compiled>();
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function compile(template: string): Compiled {
  let c = compiled.get(template);
  if (c) return c;
  const names: string[] = [];
  let source = '^';
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    source += escape(template.slice(last, m.index)) + (NUMERIC_PLACEHOLDERS.has(m[1]) ? '(-?\\d+(?:\\.\\d+)?)' : '(.+?)');
    names.push(m[1]);
    last = m.index + m[0].length;
  }
  c = { regex: new RegExp(`${source}${escape(template.slice(last))}$`, 's'), names };
  compiled.set(template, c);
  return c;
}

/** The values an English text was written with, or null when the text is not this template's. */
export function matchTemplate(template: string, text: string): Record<string, string> | null {
  const { regex, names } = compile(template);
  const m = regex.exec(text);
  if (!m) return null;
  const values: Record<string, string> = {};
  names.forEach((name, i) => {
    if (!(name in values)) values[name] = m[i + 1]!;
  });
  return values;
}

/** Literal characters of a template: the more it has, the more specific it is (tried first). */
export function literalLength(template: string): number {
  return template.replace(PLACEHOLDER, '').length;
}
