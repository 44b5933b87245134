import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { STATUS_PROBLEMS } from '../common/problem/problem';
import { ORG_UNIT_KINDS } from '../identity/entities/org-unit.entity';
import { EVENT_TYPES } from '../notifications/domain-events';
import { LIFECYCLE_ACTIONS, PROJECT_STATES } from '../projects/project-lifecycle';
import { SLA_STAGES } from '../sla/sla-rules';
import { CATALOGS, EN, isMessageKey, MESSAGE_KEYS } from './catalog';
import { LOCALES } from './locale';
import { placeholdersOf } from './template';

const SRC = join(__dirname, '..');
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') ? [join(dir, e.name)] : [],
  );
const code = sources(SRC)
  .filter((f) => !f.includes(`${join(SRC, 'i18n')}`))
  .map((f) => readFileSync(f, 'utf8'))
  .join('\n');

/** `(409, 'invalid-transition', 'Invalid transition'` as thrown by `new ProblemError(…)` or kept in a table. */
const thrownProblems = (): Map<string, Set<string>> => {
  const found = new Map<string, Set<string>>();
  for (const m of code.matchAll(/\b[1-5]\d{2},\s*'([a-z][a-z0-9-]+)',\s*'((?:[^'\\]|\\.)+)'/g)) {
    found.set(m[1], (found.get(m[1]) ?? new Set()).add(m[2]));
  }
  for (const { code: c, title } of Object.values(STATUS_PROBLEMS)) found.set(c, (found.get(c) ?? new Set()).add(title));
  return found;
};

describe('message catalogs', () => {
  it.each(LOCALES.map((l) => [l]))('%s has every key, each with text', (locale) => {
    // Fails naming the key when one language lacks it (or has one English does not define).
    expect(Object.keys(CATALOGS[locale]).sort()).toEqual([...MESSAGE_KEYS].sort());
    expect(MESSAGE_KEYS.filter((k) => typeof CATALOGS[locale][k] !== 'string' || CATALOGS[locale][k].trim() === '')).toEqual([]);
  });

  it('uses the same placeholders in every language', () => {
    const differing = MESSAGE_KEYS.filter((k) =>
      LOCALES.some((l) => placeholdersOf(CATALOGS[l][k]).join() !== placeholdersOf(EN[k]).join()),
    );
    expect(differing).toEqual([]);
  });

  it('translates rather than copies (French differs from English except for a few shared words)', () => {
    const same = MESSAGE_KEYS.filter((k) => CATALOGS.fr[k] === EN[k] && !/\{[a-zA-Z]+\}$|^\{|division|Condition|Notification/.test(EN[k]));
    expect(same).toEqual([]);
  });

  it('has a title for every problem code thrown in src, in the words the code uses', () => {
    const thrown = thrownProblems();
    expect(thrown.size).toBeGreaterThan(50);
    const wrong = [...thrown].flatMap(([c, titles]) =>
      [...titles]
        .filter((title) => !isMessageKey(`problem.${c}.title`) || EN[`problem.${c}.title` as keyof typeof EN] !== title)
        .map((t) => `${c}: ${t}`),
    );
    expect(wrong).toEqual([]);
  });

  it('names every state, action, SLA stage, unit kind, event and not-found record the messages mention', () => {
    const missing = [
      ...PROJECT_STATES.map((s) => `term.state.${s}`),
      ...LIFECYCLE_ACTIONS.map((a) => `term.action.${a}`),
      ...SLA_STAGES.map((s) => `term.slaStage.${s}`),
      ...ORG_UNIT_KINDS.map((k) => `term.kind.${k}`),
      ...EVENT_TYPES.map((t) => `notification.what.${t}`),
      ...[...code.matchAll(/NotFoundProblem\('([^']+)'\)/g)].map((m) => `term.record.${m[1].toLowerCase().replace(/[^a-z0-9]+/g, '_')}`),
    ].filter((k) => !isMessageKey(k));
    expect(missing).toEqual([]);
  });
});
