import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { CreateApiKeyDto, CreatedApiKeyDto } from '../../api/generated/api';
import { CheckboxGroup, ProblemSummary, TextField } from '../../components/fields';
import { Loading, PageHeader } from '../../components/layout';
import { useI18n } from '../../i18n/use-i18n';
import { usePageTitle } from '../../lib/router';
import { useAction, useLoad } from '../../lib/use-load';
import { AdminNav } from './admin-nav';
import { DataTable } from '../../components/data-table';

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
  const { t, fmt } = useI18n();
  usePageTitle(t('admin.apiKeys'));
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
      <PageHeader title={t('admin.apiKeys')} />
      <AdminNav />
      {created ? (
        <div className="notice" role="status">
          <p>
            <strong>{t('keys.copyNow', { name: created.name })}</strong>
          </p>
          <p>
            <code className="secret">{created.key}</code>
          </p>
          <button type="button" onClick={() => setCreated(undefined)}>
            {t('admin.copied')}
          </button>
        </div>
      ) : null}
      <section className="card" aria-labelledby="keys-title">
        <h2 id="keys-title">{t('keys.title')}</h2>
        <ProblemSummary problem={keys.problem ?? revoke.problem} />
        {!keys.data ? (
          <Loading />
        ) : (
          <DataTable columns={[t('admin.name'), t('keys.scopes'), t('keys.expires'), t('keys.lastUsed'), t('kpis.status')]}>
            {keys.data.items.map((k) => (
              <tr key={k.id}>
                <th scope="row">
                  {k.name}
                  <span className="ref">{k.prefix}…</span>
                </th>
                <td>{k.scopes.join(', ')}</td>
                <td>{fmt.date(k.expiresAt)}</td>
                <td>{fmt.dateTime(k.lastUsedAt)}</td>
                <td>
                  {k.revokedAt ? (
                    <span className="badge warn">{t('keys.revoked')}</span>
                  ) : (
                    <button
                      type="button"
                      className="small danger"
                      aria-label={t('keys.revokeOf', { name: k.name })}
                      disabled={revoke.pending}
                      onClick={() => void revoke.run(k.id)}
                    >
                      {t('keys.revoke')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
      <section className="card" aria-labelledby="new-key-title">
        <h2 id="new-key-title">{t('keys.create')}</h2>
        <form onSubmit={submit} noValidate>
          <ProblemSummary problem={create.problem} />
          <TextField
            name="name"
            label={t('admin.name')}
            hint={t('keys.nameHint')}
            value={form.name}
            onChange={(name) => setForm({ ...form, name })}
            problem={create.problem}
            required
          />
          <CheckboxGroup
            name="scopes"
            label={t('keys.scopes')}
            values={form.scopes}
            onChange={(scopes) => setForm({ ...form, scopes })}
            options={SCOPES.map((s) => ({ value: s, label: s }))}
            problem={create.problem}
          />
          <TextField
            name="expiresAt"
            label={t('keys.expiresOn')}
            hint={t('keys.expiresHint')}
            type="date"
            value={form.expiresAt}
            onChange={(expiresAt) => setForm({ ...form, expiresAt })}
            problem={create.problem}
          />
          <button type="submit" className="primary" disabled={create.pending}>
            {t('keys.submit')}
          </button>
        </form>
      </section>
    </>
  );
}
