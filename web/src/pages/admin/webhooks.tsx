import { useState, type FormEvent } from 'react';
import { api, ifMatch } from '../../api/client';
import type { CreateWebhookDto, WebhookDto } from '../../api/generated/api';
import { CheckboxGroup, ProblemSummary, TextField } from '../../components/fields';
import { Empty, Loading, PageHeader } from '../../components/layout';
import { formatDateTime } from '../../lib/format';
import { usePageTitle } from '../../lib/router';
import { useAction, useLoad } from '../../lib/use-load';
import { AdminNav } from './admin-nav';

type EventType = CreateWebhookDto['eventTypes'][number];
const EVENTS: EventType[] = [
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
];

export function WebhooksPage() {
  usePageTitle('Webhooks');
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
      <PageHeader title="Webhooks" />
      <AdminNav />
      {secret ? (
        <div className="notice" role="status">
          <p>
            <strong>Signing secret (shown once):</strong> <code className="secret">{secret}</code>
          </p>
          <button type="button" onClick={() => setSecret(undefined)}>
            I have copied it
          </button>
        </div>
      ) : null}
      <section className="card" aria-labelledby="hooks-title">
        <h2 id="hooks-title">Subscriptions</h2>
        <ProblemSummary problem={hooks.problem ?? toggle.problem} />
        {!hooks.data ? (
          <Loading />
        ) : hooks.data.items.length === 0 ? (
          <Empty>No webhook subscriptions.</Empty>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Target</th>
                  <th scope="col">Events</th>
                  <th scope="col">Status</th>
                  <th scope="col">Deliveries</th>
                </tr>
              </thead>
              <tbody>
                {hooks.data.items.map((h) => (
                  <tr key={h.id}>
                    <th scope="row">
                      {h.description || h.url}
                      <span className="ref">{h.url}</span>
                    </th>
                    <td>{h.eventTypes.join(', ')}</td>
                    <td>
                      <span className={`badge ${h.enabled ? 'good' : 'warn'}`}>{h.enabled ? 'Enabled' : 'Disabled'}</span>
                      {h.disabledReason ? <span className="ref">{h.disabledReason}</span> : null}
                      {h.consecutiveFailures ? <span className="ref">{h.consecutiveFailures} failures in a row</span> : null}{' '}
                      <button
                        type="button"
                        className="small"
                        aria-label={`${h.enabled ? 'Disable' : 'Enable'} ${h.url}`}
                        disabled={toggle.pending}
                        onClick={() => void toggle.run(h)}
                      >
                        {h.enabled ? 'Disable' : 'Enable'}
                      </button>
                    </td>
                    <td>
                      <button
                        type="button"
                        className="small"
                        aria-label={`Delivery log of ${h.url}`}
                        aria-expanded={selected === h.id}
                        onClick={() => setSelected(selected === h.id ? undefined : h.id)}
                      >
                        Delivery log
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {selected ? <DeliveryLog webhookId={selected} /> : null}
      <section className="card" aria-labelledby="new-hook-title">
        <h2 id="new-hook-title">Subscribe an endpoint</h2>
        <form onSubmit={submit} noValidate>
          <ProblemSummary problem={create.problem} />
          <TextField
            name="url"
            label="URL"
            type="url"
            value={form.url}
            onChange={(url) => setForm({ ...form, url })}
            problem={create.problem}
            required
          />
          <TextField
            name="description"
            label="Description"
            value={form.description}
            onChange={(description) => setForm({ ...form, description })}
            problem={create.problem}
          />
          <CheckboxGroup
            name="eventTypes"
            label="Events"
            hint="“*” sends every event."
            values={form.eventTypes}
            onChange={(eventTypes) => setForm({ ...form, eventTypes })}
            options={EVENTS.map((e) => ({ value: e, label: e }))}
            problem={create.problem}
          />
          <button type="submit" className="primary" disabled={create.pending}>
            Subscribe
          </button>
        </form>
      </section>
    </>
  );
}

function DeliveryLog({ webhookId }: { webhookId: string }) {
  const deliveries = useLoad(() => api.notify.webhooksListDeliveries({ id: webhookId, limit: 50 }), [webhookId]);
  const redeliver = useAction(async (deliveryId: string) => {
    await api.notify.webhooksRedeliver({ id: webhookId, deliveryId });
    deliveries.reload();
  });
  return (
    <section className="card" aria-labelledby="log-title">
      <h2 id="log-title">Delivery log</h2>
      <ProblemSummary problem={deliveries.problem ?? redeliver.problem} />
      {!deliveries.data ? (
        <Loading />
      ) : deliveries.data.items.length === 0 ? (
        <Empty>Nothing delivered yet.</Empty>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Event</th>
                <th scope="col">Status</th>
                <th scope="col">Attempts</th>
                <th scope="col">Last attempt</th>
                <th scope="col">Next attempt</th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {deliveries.data.items.map((d) => (
                <tr key={d.id}>
                  <th scope="row">
                    {d.eventType}
                    <span className="ref">{d.eventId}</span>
                  </th>
                  <td>
                    <span className={`badge ${d.status === 'succeeded' ? 'good' : d.status === 'failed' ? 'warn' : ''}`}>{d.status}</span>
                  </td>
                  <td>{d.attempts}</td>
                  <td>
                    {formatDateTime(d.lastAttemptAt)}
                    {d.lastResponseStatus !== null ? ` → HTTP ${d.lastResponseStatus}` : ''}
                    {d.lastError ? <span className="ref">{d.lastError}</span> : null}
                  </td>
                  <td>{formatDateTime(d.nextAttemptAt)}</td>
                  <td>
                    <button type="button" className="small" disabled={redeliver.pending} onClick={() => void redeliver.run(d.id)}>
                      Redeliver
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
