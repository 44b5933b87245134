import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

/**
 * Password rules (issue "Identity and access"): at least 12 characters, at most 128, and not
 * guessable — zxcvbn's common-password dictionaries and patterns must score it 3 or more.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;
const MIN_SCORE = 3;

const zxcvbn = new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });

/** Returns why the password is refused, or null when it is acceptable. */
export function passwordWeakness(password: string, userInputs: string[] = []): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `password must be at least ${PASSWORD_MIN_LENGTH} characters`;
  if (password.length > PASSWORD_MAX_LENGTH) return `password must be at most ${PASSWORD_MAX_LENGTH} characters`;
  const result = zxcvbn.check(password, expandUserInputs(userInputs));
  if (result.score < MIN_SCORE) {
    const hint = result.feedback.warning ? ` (${String(result.feedback.warning)})` : '';
    return `password is too common or easy to guess${hint}`;
  }
  return null;
}

/** An e-mail or a name counts whole, by its local part and by each word in it (jane.marketing@… → jane, marketing). */
function expandUserInputs(inputs: string[]): string[] {
  const out = new Set<string>();
  for (const input of inputs) {
    const lower = input.toLowerCase();
    const local = lower.split('@')[0];
    for (const piece of [lower, local, ...lower.split(/[^a-z0-9]+/)]) if (piece.length >= 3) out.add(piece);
  }
  return [...out];
}
