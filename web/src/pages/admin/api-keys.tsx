import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { CreateApiKeyDto, CreatedApiKeyDto } from '../../api/generated/api';
import { CheckboxGroup, ProblemSummary, TextField } from '../../components/fields';
import { Loading, PageHeader } from '../../components/layout';
import { formatDate, formatDateTime } from '../../lib/format';
import { usePageTitle } from '../../lib/router';
import { useAction, useLoad } from '../../lib/use-load';
import { AdminNav } from './admin-nav';

const SCOPES: CreateApiKeyDto['scopes'] = [
  'projects:read',
  'projects:write',
  'kpis:write',
  'reports:read',
  'webhooks:manage',
  'users:read',
  'audit:read',
];

export function ApiKeysPage() {
  usePageTitle('API keys');
  const keys = useLoad(() => api.people.apiKeysList({ limit: 100 }), []);
  const [form, setForm] = useState({ name: '', scopes: [] as string[], expiresAt: '' });
  const [created, setCreated] = useState<CreatedApiKeyDto>();
  const create = useAction(async () => {
    setCreated(
      await api.people.apiKeysCreate({
        name: form.name,
        scopes: form.scopes as CreateApiKeyDto['scopes'],
        ...(form.expiresAt ? { expiresAt: new Date(`${form.expiresAt}T23:59:59Z`).toISOString() } : {}),
      }),
    );
    setForm({ name: '', scopes: [], expiresAt: '' });
    keys.reload();
  });
  const revoke = useAction(async (id: string) => {
    await api.people.apiKeysRevoke({ id });
    keys.reload();
  });
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    void create.run();
  };

  return (
    <>
      <PageHeader title="API keys" />
      <AdminNav />
      {created ? (
        <div className="notice" role="status">
          <p>
            <strong>Copy the key “{created.name}” now: it is shown only once.</strong>
          </p>
          <p>
            <code className="secret">{created.key}</code>
          </p>
          <button type="button" onClick={() => setCreated(undefined)}>
            I have copied it
          </button>
        </div>
      ) : null}
      <section className="card" aria-labelledby="keys-title">
        <h2 id="keys-title">Keys</h2>
        <ProblemSummary problem={keys.problem ?? revoke.problem} />
        {!keys.data ? (
          <Loading />
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Scopes</th>
                  <th scope="col">Expires</th>
                  <th scope="col">Last used</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {keys.data.items.map((k) => (
                  <tr key={k.id}>
                    <th scope="row">
                      {k.name}
                      <span className="ref">{k.prefix}…</span>
                    </th>
                    <td>{k.scopes.join(', ')}</td>
                    <td>{formatDate(k.expiresAt)}</td>
                    <td>{formatDateTime(k.lastUsedAt)}</td>
                    <td>
                      {k.revokedAt ? (
                        <span className="badge warn">Revoked</span>
                      ) : (
                        <button
                          type="button"
                          className="small danger"
                          aria-label={`Revoke ${k.name}`}
                          disabled={revoke.pending}
                          onClick={() => void revoke.run(k.id)}
                        >
                          Revoke
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className="card" aria-labelledby="new-key-title">
        <h2 id="new-key-title">Create a key</h2>
        <form onSubmit={submit} noValidate>
          <ProblemSummary problem={create.problem} />
          <TextField
            name="name"
            label="Name"
            hint="Which integration uses it, e.g. “CRM sync”."
            value={form.name}
            onChange={(name) => setForm({ ...form, name })}
            problem={create.problem}
            required
          />
          <CheckboxGroup
            name="scopes"
            label="Scopes"
            values={form.scopes}
            onChange={(scopes) => setForm({ ...form, scopes })}
            options={SCOPES.map((s) => ({ value: s, label: s }))}
            problem={create.problem}
          />
          <TextField
            name="expiresAt"
            label="Expires on"
            hint="Default: in 90 days; at most one year."
            type="date"
            value={form.expiresAt}
            onChange={(expiresAt) => setForm({ ...form, expiresAt })}
            problem={create.problem}
          />
          <button type="submit" className="primary" disabled={create.pending}>
            Create key
          </button>
        </form>
      </section>
    </>
  );
}
