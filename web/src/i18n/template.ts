import { createElement, Fragment, type ReactNode } from 'react';

/** The `{name}` placeholders of a catalog text, as a union of names (never when there are none). */
export type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;

const PLACEHOLDER = /\{(\w+)\}/g;

/**
 * Fills `{name}` in one pass, so a `{…}` inside a value (a project title someone typed) is never
 * expanded; a placeholder without a value stays as written, which a test would notice.
 */
export function interpolate(template: string, params: Readonly<Record<string, string>>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => params[name] ?? whole);
}

/** The same with React nodes (a link, a <strong>) as values: the sentence keeps each language's word order. */
export function interpolateNodes(template: string, params: Readonly<Record<string, ReactNode>>): ReactNode[] {
  const out: ReactNode[] = [];
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    const index = match.index;
    if (index > last) out.push(template.slice(last, index));
    const value = params[match[1]];
    out.push(value === undefined ? match[0] : createElement(Fragment, { key: `p${out.length}` }, value));
    last = index + match[0].length;
  }
  if (last < template.length) out.push(template.slice(last));
  return out;
}
