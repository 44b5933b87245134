import type { Locale } from './locale';
import * as admin from './messages/admin';
import * as assessment from './messages/assessment';
import * as common from './messages/common';
import * as compact from './messages/compact';
import * as decisions from './messages/decisions';
import * as portfolio from './messages/portfolio';
import * as project from './messages/project';
import * as risk from './messages/risk-framework';
import * as terms from './messages/terms';
import * as wizard from './messages/wizard';
import type { Placeholders } from './template';

/**
 * The web app's texts: one flat map per language, assembled from one file per area
 * (messages/*.ts, each with `en` and `fr` side by side). English defines the keys; each French area
 * is checked against it with `satisfies`, so a missing or extra key fails `npm run build`, and
 * catalog-checks.ts fails it when a French text drops or renames a `{placeholder}` or when an enum
 * value of the API has no word. No import of the API client here: test/web loads this file in Node.
 */
export const AREAS = { common, terms, project, wizard, assessment, decisions, compact, portfolio, admin, risk };

export const EN = {
  ...common.en,
  ...terms.en,
  ...project.en,
  ...wizard.en,
  ...assessment.en,
  ...decisions.en,
  ...compact.en,
  ...portfolio.en,
  ...admin.en,
  ...risk.en,
};
export const FR = {
  ...common.fr,
  ...terms.fr,
  ...project.fr,
  ...wizard.fr,
  ...assessment.fr,
  ...decisions.fr,
  ...compact.fr,
  ...portfolio.fr,
  ...admin.fr,
  ...risk.fr,
};

export type Key = keyof typeof EN;
export type Catalog = Readonly<Record<Key, string>>;
export const CATALOGS: Record<Locale, Catalog> = { en: EN, fr: FR };

/** The placeholders a key takes (from its English text). */
export type ParamsOf<K extends Key> = Placeholders<(typeof EN)[K]>;
/** Keys of texts without placeholders: what tables of labels hold (`t(label)` needs no values). */
export type PlainKey = { [K in Key]: [ParamsOf<K>] extends [never] ? K : never }[Key];
