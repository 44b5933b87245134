import type { FieldError } from '../problem/problem';

/**
 * Input no DTO could accept but that breaks what runs before or below the validators, found by
 * the hostile-body and fuzz tests (test/security-bodies.e2e-spec.ts):
 * - nesting deep enough to overflow class-transformer's recursion (10,000 levels: RangeError → 500);
 * - strings PostgreSQL cannot store (U+0000: "invalid byte sequence" → 500) or that are not Unicode
 *   (lone surrogates: refused by I-JSON, RFC 7493 §2.1; validator.js's isEmail throws a URIError);
 * - keys that address prototypes (`__proto__`, `constructor`, `prototype`): class-transformer drops
 *   them silently, so the "unknown fields are 400" rule of API.md would not hold for them.
 * Iterative, so the check itself cannot overflow the stack.
 */
export const MAX_INPUT_DEPTH = 64;
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** With the u flag a surrogate pair is one code point, so only lone surrogates are category Cs. */
const LONE_SURROGATE = /\p{Cs}/u;

function stringProblem(s: string): string | undefined {
  if (s.includes('\u0000')) return 'must not contain the NUL character (U+0000)';
  if (LONE_SURROGATE.test(s)) return 'must be well-formed Unicode (no lone surrogates)';
  return undefined;
}

/**
 * The first unsafe part of a parsed body, query or path parameter, as a field error; undefined when
 * safe. `name` names a scalar input (a path parameter); object members are named by their path.
 */
export function findUnsafeInput(input: unknown, name = 'body', maxDepth = MAX_INPUT_DEPTH): FieldError | undefined {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: input, path: '', depth: 0 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    const field = path || name;
    if (typeof value === 'string') {
      const problem = stringProblem(value);
      if (problem) return { field, message: `${field} ${problem}` };
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= maxDepth) return { field, message: `${field} is nested more than ${maxDepth} levels deep` };
    const isArray = Array.isArray(value);
    for (const [key, child] of Object.entries(value)) {
      const childPath = isArray ? `${path}[${key}]` : path ? `${path}.${key}` : key;
      if (!isArray) {
        if (PROTOTYPE_KEYS.has(key)) return { field: childPath, message: `${childPath} is not an allowed field` };
        const keyProblem = stringProblem(key);
        if (keyProblem) return { field: childPath, message: `field names ${keyProblem}` };
      }
      stack.push({ value: child, path: childPath, depth: depth + 1 });
    }
  }
  return undefined;
}
