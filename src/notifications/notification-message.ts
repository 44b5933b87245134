import { isMessageKey, type MessageKey } from '../i18n/catalog';
import type { Locale } from '../i18n/locale';
import { isRenderable, translate, type MessageParam, type MessageParams } from '../i18n/messages';
import type { EventType } from './domain-events';

/**
 * What a notification says (DOMAIN.md §10), as a catalog message rather than finished text: a
 * message id (`notification.project`, whose `.title` and `.body` are in src/i18n/catalogs) and its
 * parameters. Stored with the notification and rendered when read, in the reader's language, with
 * money and dates formatted for it (docs/i18n.md).
 */
export interface NotificationMessage {
  id: string;
  params: MessageParams;
}

export interface NotificationText {
  title: string;
  body: string;
}

const OUTCOMES = new Set(['approve', 'reject', 'request_changes', 'cosign', 'decline']);

const key = (k: string): { t: 'key'; key: MessageKey } | undefined => (isMessageKey(k) ? { t: 'key', key: k } : undefined);
const text = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

/** The project's budget, when the publisher passed the project itself (lifecycle transitions do). */
export interface BudgetSource {
  budgetAmount?: string | number | null;
  budgetCurrency?: string | null;
}

export function notificationMessage(
  type: EventType,
  actorName: string,
  data: Record<string, unknown>,
  source?: BudgetSource | null,
): NotificationMessage {
  const project = data.project as { reference?: string; title?: string } | undefined;
  if (type === 'compact.published') {
    const v = (data.compactVersion ?? {}) as { number?: number; publishedAt?: string };
    const number: MessageParam = typeof v.number === 'number' ? v.number : '';
    return typeof v.publishedAt === 'string'
      ? { id: 'notification.compactPublished', params: { number, publishedAt: { t: 'dateTime', value: v.publishedAt } } }
      : { id: 'notification.compactPublishedUndated', params: { number } };
  }
  if (type === 'sla.breached' && typeof data.dueAt === 'string') {
    const stage = key(`term.slaStage.${text(data.stage)}`) ?? text(data.stage);
    const params = { reference: text(project?.reference), projectTitle: text(project?.title) };
    return { id: 'notification.slaBreached', params: { ...params, stage, dueAt: { t: 'dateTime', value: data.dueAt } } };
  }
  const outcome = typeof data.outcome === 'string' && OUTCOMES.has(data.outcome) ? data.outcome : undefined;
  const what = key(outcome ? `notification.outcome.${outcome}` : `notification.what.${type}`) ?? type;
  if (!project) return { id: 'notification.general', params: { what, actor: actorName } };
  const params: MessageParams = { reference: text(project.reference), projectTitle: text(project.title), what, actor: actorName };
  const amount = source?.budgetAmount;
  if (amount !== null && amount !== undefined && source?.budgetCurrency) {
    return {
      id: 'notification.projectBudget',
      params: { ...params, budget: { t: 'money', amount: Number(amount), currency: source.budgetCurrency } },
    };
  }
  return { id: 'notification.project', params };
}

/** The notification in `locale`; null when the stored message is not one this version knows. */
export function renderNotificationMessage(id: unknown, params: unknown, locale: Locale): NotificationText | null {
  if (typeof id !== 'string') return null;
  const title = `${id}.title`;
  const body = `${id}.body`;
  if (!isRenderable(title, params) || !isRenderable(body, params)) return null;
  return { title: translate(title, locale, params as MessageParams), body: translate(body, locale, params as MessageParams) };
}
