/**
 * Colleagues' support (issue 12 item 3): any employee who can see a project may say "my customers
 * need this", once, with an optional note. The project's own people are not colleagues backing it:
 * counting the proposer's and the team's support would only inflate the number the deciding
 * manager reads. A closed project (withdrawn, rejected, retired) takes no new support.
 */
import type { Actor } from '../projects/project-lifecycle';

export type SupportRefusal = 'own_project' | 'closed';

export function supportRefusal(relations: ReadonlySet<Actor>, projectIsClosed: boolean): SupportRefusal | null {
  if (relations.has('proposer') || relations.has('team_member')) return 'own_project';
  if (projectIsClosed) return 'closed';
  return null;
}

/** A note is optional; blank means none. */
export function normalizeNote(note: string | undefined | null): string | null {
  const trimmed = note?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}
