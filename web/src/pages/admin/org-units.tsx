import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { OrgUnitDto } from '../../api/generated/api';
import { ProblemSummary, SelectField, TextField } from '../../components/fields';
import { Loading, PageHeader } from '../../components/layout';
import { useI18n } from '../../i18n/use-i18n';
import { usePageTitle } from '../../lib/router';
import { useAction, useLoad } from '../../lib/use-load';
import { AdminNav } from './admin-nav';

const KINDS = ['company', 'division', 'department', 'team'] as const;

/** Every unit, following cursors (an org tree has a few hundred units at most). */
export async function allOrgUnits(): Promise<OrgUnitDto[]> {
  const units: OrgUnitDto[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.people.orgUnitsList({ limit: 100, cursor });
    units.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return units.sort((a, b) => a.path.localeCompare(b.path));
}

export function OrgUnitsPage() {
  const { t, term } = useI18n();
  usePageTitle(t('admin.orgUnits'));
  const units = useLoad(allOrgUnits, []);
  const [form, setForm] = useState({ name: '', kind: 'team', parentId: '' });
  const create = useAction(async () => {
    await api.people.orgUnitsCreate({
      name: form.name,
      kind: form.kind as OrgUnitDto['kind'],
      ...(form.parentId ? { parentId: form.parentId } : {}),
    });
    setForm({ name: '', kind: 'team', parentId: '' });
    units.reload();
  });
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    void create.run();
  };

  return (
    <>
      <PageHeader title={t('admin.orgUnits')} />
      <AdminNav />
      <div className="two-columns">
        <section className="card" aria-labelledby="tree-title">
          <h2 id="tree-title">{t('units.tree')}</h2>
          {!units.data ? (
            <Loading />
          ) : (
            <ul className="org-tree">
              {units.data.map((u) => (
                <li key={u.id} style={{ paddingLeft: `${u.depth * 1.25}rem` }}>
                  <strong>{u.name}</strong> <span className="hint">{term('orgKind', u.kind)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="card" aria-labelledby="new-unit-title">
          <h2 id="new-unit-title">{t('units.add')}</h2>
          <form onSubmit={submit} noValidate>
            <ProblemSummary problem={create.problem} />
            <TextField
              name="name"
              label={t('admin.name')}
              value={form.name}
              onChange={(name) => setForm({ ...form, name })}
              problem={create.problem}
              required
            />
            <SelectField
              name="kind"
              label={t('units.kind')}
              value={form.kind}
              onChange={(kind) => setForm({ ...form, kind })}
              options={KINDS.map((k) => ({ value: k, label: term('orgKind', k) }))}
              problem={create.problem}
            />
            <SelectField
              name="parentId"
              label={t('units.parent')}
              value={form.parentId}
              placeholder={t('field.choose')}
              onChange={(parentId) => setForm({ ...form, parentId })}
              options={(units.data ?? []).map((u) => ({ value: u.id, label: `${'— '.repeat(u.depth)}${u.name}` }))}
              problem={create.problem}
            />
            <button type="submit" className="primary" disabled={create.pending}>
              {t('units.submit')}
            </button>
          </form>
        </section>
      </div>
    </>
  );
}
