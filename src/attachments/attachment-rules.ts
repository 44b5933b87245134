/**
 * Who may add and remove evidence on a project (issue 12 item 2). Reading follows the project's
 * own visibility (ProjectAccess); writing is for the people who work the project.
 */
import type { Actor } from '../projects/project-lifecycle';

/** Participants: the same people who hold the project's conversation. */
export const ATTACHMENT_UPLOADERS: readonly Actor[] = ['proposer', 'team_member', 'assigned_advisor', 'cio', 'sponsor_manager'];

export function mayUpload(relations: ReadonlySet<Actor>): boolean {
  return ATTACHMENT_UPLOADERS.some((r) => relations.has(r));
}

export interface Uploader {
  type: 'user' | 'api_key';
  id: string;
}

/**
 * The uploader (the same person, or the same API key) removes their own file; the CIO removes any
 * (e.g. personal data uploaded by mistake). Admin is an operator role with no say over project
 * content (DOMAIN.md §1), so it is not listed.
 */
export function mayDelete(caller: Uploader & { isCio: boolean }, uploadedBy: Uploader): boolean {
  if (caller.isCio) return true;
  return caller.type === uploadedBy.type && caller.id === uploadedBy.id;
}
