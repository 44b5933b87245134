import { formatDateTime, formatMoney } from '../i18n/format';
import { EVENT_TYPES } from './domain-events';
import { notificationMessage, renderNotificationMessage } from './notification-message';

const project = { id: 'p1', reference: 'HC-2026-0001', title: 'Delivery chatbot', state: 'submitted' };
const render = (m: { id: string; params: unknown }, locale: 'en' | 'fr') => renderNotificationMessage(m.id, m.params, locale);

describe('notification messages (docs/i18n.md)', () => {
  it('renders every event type in both languages, differently', () => {
    for (const type of EVENT_TYPES) {
      const m = notificationMessage(type, 'Hana', {
        project,
        stage: 'assignment',
        dueAt: '2026-03-12T10:00:00Z',
        compactVersion: { number: 2 },
      });
      const en = render(m, 'en')!;
      const fr = render(m, 'fr')!;
      expect(en.title.length).toBeGreaterThan(3);
      expect(fr.title).not.toBe(en.title);
      expect(JSON.parse(JSON.stringify(m))).toEqual(m); // stored as JSON, read back the same
    }
  });

  it('shows the budget in the reader’s currency format', () => {
    const m = notificationMessage('project.submitted', 'Hana Hero', { project }, { budgetAmount: '1200000', budgetCurrency: 'EUR' });
    expect(render(m, 'en')).toEqual({
      title: 'HC-2026-0001: submitted for assessment',
      body: 'Delivery chatbot (€12,000.00) — submitted for assessment by Hana Hero.',
    });
    expect(render(m, 'fr')).toEqual({
      title: 'HC-2026-0001 : soumis pour évaluation',
      body: `Delivery chatbot (${formatMoney({ amount: 1_200_000, currency: 'EUR' }, 'fr')}) — soumis pour évaluation par Hana Hero.`,
    });
  });

  it('says the outcome of a decision, and formats dates for the reader', () => {
    expect(render(notificationMessage('project.decided', 'Morgan', { project, outcome: 'reject' }), 'fr')).toEqual({
      title: 'HC-2026-0001 : rejeté',
      body: 'Delivery chatbot — rejeté par Morgan.',
    });
    const at = '2026-03-12T10:00:00.000Z';
    const sla = notificationMessage('sla.breached', 'system', { project, stage: 'decision', dueAt: at });
    expect(render(sla, 'fr')!.title).toBe('HC-2026-0001 : délai de décision dépassé');
    expect(render(sla, 'fr')!.body).toContain(formatDateTime(at, 'fr'));
    expect(render(sla, 'en')!.body).toBe(
      `Delivery chatbot has waited longer than its decision time limit (due ${formatDateTime(at, 'en')}).`,
    );
    const compact = notificationMessage('compact.published', 'Camille', { compactVersion: { number: 3, publishedAt: at } });
    expect(render(compact, 'fr')!.title).toBe('Version 3 du HERO Compact publiée');
    expect(render(compact, 'fr')!.body).toContain(formatDateTime(at, 'fr'));
  });

  it('renders the operational notice the webhook worker stores (webhook.disabled)', () => {
    const params = { url: 'https://crm.example/hook', failures: 10, subscriptionId: 's1' };
    expect(renderNotificationMessage('notification.webhookDisabled', params, 'en')!.body).toContain(
      'Deliveries to https://crm.example/hook failed 10 times in a row',
    );
    expect(renderNotificationMessage('notification.webhookDisabled', params, 'fr')).toEqual({
      title: 'Un abonnement webhook a été désactivé',
      body: expect.stringContaining('PATCH /api/v1/webhooks/s1 avec {"enabled": true}'),
    });
  });

  it('does not render what it does not know (older or foreign rows keep their stored text)', () => {
    expect(renderNotificationMessage(null, null, 'fr')).toBeNull();
    expect(renderNotificationMessage('notification.nope', {}, 'fr')).toBeNull();
    expect(renderNotificationMessage('notification.project', { what: { t: 'key', key: 'nope' } }, 'fr')).toBeNull();
    expect(renderNotificationMessage('notification.project', { budget: { t: 'money' } }, 'fr')).toBeNull();
  });

  it('never expands placeholders typed into a project title', () => {
    const m = notificationMessage('project.submitted', '{actor}', { project: { ...project, title: '{reference} {what}' } });
    expect(render(m, 'fr')!.body).toBe('{reference} {what} — soumis pour évaluation par {actor}.');
  });
});
