import { useState, type FormEvent } from 'react';
import { api, ifMatch } from '../../api/client';
import type { CreateWebhookDto, WebhookDto } from '../../api/generated/api';
import { CheckboxGroup, ProblemSummary, TextField } from '../../components/fields';
import { Empty, Loading, PageHeader } from '../../components/layout';
import { useI18n } from '../../i18n/use-i18n';
import { usePageTitle } from '../../lib/router';
import { useAction, useLoad } from '../../lib/use-load';
import { AdminNav } from './admin-nav';
import { DataTable } from '../../components/data-table';
import { EnableToggle } from '../../components/enable-toggle';

type EventType = CreateWebhookDto['eventTypes'][number];
const EVENTS = [
  '*',
  'project.submitted',
  'project.resubmitted',
  'project.assigned',
  'project.info_requested',
  'project.info_provided',
  'assessment.submitted',
  'project.decided',
  'project.cosigned',
  'condition.updated',
  'project.withdrawn',
  'project.amended',
  'project.delivery_started',
  'project.launched',
  'project.retired',
  'kpi.off_track',
  'sla.breached',
  'compact.published',
] as const satisfies readonly EventType[];
// The list mirrors the server's EVENT_TYPES through the generated API types: an event the server
// adds and this page leaves out fails the build here, rather than silently missing from the form.
const EVERY_EVENT_LISTED: [Exclude<EventType, (typeof EVENTS)[number]>] extends [never] ? true : never = true;
void EVERY_EVENT_LISTED;

export function WebhooksPage() {
  const { t, tp } = useI18n();
  usePageTitle(t('admin.webhooks'));
  const hooks = useLoad(() => api.notify.webhooksList({ limit: 100 }), []);
  const [selected, setSelected] = useState<string>();
  const [form, setForm] = useState({ url: '', description: '', eventTypes: ['project.decided'] as string[] });
  const [secret, setSecret] = useState<string>();
  const create = useAction(async () => {
    const created = await api.notify.webhooksCreate({
      url: form.url,
      description: form.description,
      eventTypes: form.eventTypes as EventType[],
    });
    setSecret(created.secret);
    setForm({ url: '', description: '', eventTypes: ['project.decided'] });
    hooks.reload();
  });
  const toggle = useAction(async (h: WebhookDto) => {
    await api.notify.webhooksUpdate({ id: h.id }, { enabled: !h.enabled }, ifMatch(h.version));
    hooks.reload();
  });
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    void create.run();
  };

  return (
    <>
      <PageHeader title={t('admin.webhooks')} />
      <AdminNav />
      {secret ? (
        <div className="notice" role="status">
          <p>
            <strong>{t('hooks.secret')}</strong> <code className="secret">{secret}</code>
          </p>
          <button type="button" onClick={() => setSecret(undefined)}>
            {t('admin.copied')}
          </button>
        </div>
      ) : null}
      <section className="card" aria-labelledby="hooks-title">
        <h2 id="hooks-title">{t('hooks.title')}</h2>
        <ProblemSummary problem={hooks.problem ?? toggle.problem} />
        {!hooks.data ? (
          <Loading />
        ) : hooks.data.items.length === 0 ? (
          <Empty>{t('hooks.none')}</Empty>
        ) : (
          <DataTable columns={[t('hooks.target'), t('hooks.events'), t('kpis.status'), t('hooks.deliveries')]}>
            {hooks.data.items.map((h) => (
              <tr key={h.id}>
                <th scope="row">
                  {h.description || h.url}
                  <span className="ref">{h.url}</span>
                </th>
                <td>{h.eventTypes.join(', ')}</td>
                <td>
                  <span className={`badge ${h.enabled ? 'good' : 'warn'}`}>{h.enabled ? t('hooks.enabled') : t('hooks.disabled')}</span>
                  {h.disabledReason ? <span className="ref">{h.disabledReason}</span> : null}
                  {h.consecutiveFailures ? <span className="ref">{tp('hooks.failures', h.consecutiveFailures)}</span> : null}{' '}
                  <EnableToggle enabled={h.enabled} name={h.url} pending={toggle.pending} onToggle={() => void toggle.run(h)} />
                </td>
                <td>
                  <button
                    type="button"
                    className="small"
                    aria-label={t('hooks.logOf', { url: h.url })}
                    aria-expanded={selected === h.id}
                    onClick={() => setSelected(selected === h.id ? undefined : h.id)}
                  >
                    {t('hooks.log')}
                  </button>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
      {selected ? <DeliveryLog webhookId={selected} /> : null}
      <section className="card" aria-labelledby="new-hook-title">
        <h2 id="new-hook-title">{t('hooks.subscribe')}</h2>
        <form onSubmit={submit} noValidate>
          <ProblemSummary problem={create.problem} />
          <TextField
            name="url"
            label={t('hooks.url')}
            type="url"
            value={form.url}
            onChange={(url) => setForm({ ...form, url })}
            problem={create.problem}
            required
          />
          <TextField
            name="description"
            label={t('attachments.description')}
            value={form.description}
            onChange={(description) => setForm({ ...form, description })}
            problem={create.problem}
          />
          <CheckboxGroup
            name="eventTypes"
            label={t('hooks.events')}
            hint={t('hooks.eventsHint')}
            values={form.eventTypes}
            onChange={(eventTypes) => setForm({ ...form, eventTypes })}
            options={EVENTS.map((e) => ({ value: e, label: e }))}
            problem={create.problem}
          />
          <button type="submit" className="primary" disabled={create.pending}>
            {t('hooks.submit')}
          </button>
        </form>
      </section>
    </>
  );
}

function DeliveryLog({ webhookId }: { webhookId: string }) {
  const { t, term, fmt } = useI18n();
  const deliveries = useLoad(() => api.notify.webhooksListDeliveries({ id: webhookId, limit: 50 }), [webhookId]);
  const redeliver = useAction(async (deliveryId: string) => {
    await api.notify.webhooksRedeliver({ id: webhookId, deliveryId });
    deliveries.reload();
  });
  return (
    <section className="card" aria-labelledby="log-title">
      <h2 id="log-title">{t('hooks.log')}</h2>
      <ProblemSummary problem={deliveries.problem ?? redeliver.problem} />
      {!deliveries.data ? (
        <Loading />
      ) : deliveries.data.items.length === 0 ? (
        <Empty>{t('hooks.noDeliveries')}</Empty>
      ) : (
        <DataTable columns={[t('hooks.event'), t('kpis.status'), t('hooks.attempts'), t('hooks.lastAttempt'), t('hooks.nextAttempt'), '']}>
          {deliveries.data.items.map((d) => (
            <tr key={d.id}>
              <th scope="row">
                {d.eventType}
                <span className="ref">{d.eventId}</span>
              </th>
              <td>
                <span className={`badge ${d.status === 'succeeded' ? 'good' : d.status === 'failed' ? 'warn' : ''}`}>
                  {term('deliveryStatus', d.status)}
                </span>
              </td>
              <td>{d.attempts}</td>
              <td>
                {fmt.dateTime(d.lastAttemptAt)}
                {d.lastResponseStatus !== null ? ` → HTTP ${d.lastResponseStatus}` : ''}
                {d.lastError ? <span className="ref">{d.lastError}</span> : null}
              </td>
              <td>{fmt.dateTime(d.nextAttemptAt)}</td>
              <td>
                <button type="button" className="small" disabled={redeliver.pending} onClick={() => void redeliver.run(d.id)}>
                  {t('hooks.redeliver')}
                </button>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
