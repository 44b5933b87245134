import { useState, type FormEvent } from 'react';
import { api, ifMatch } from '../../api/client';
import type { CreateUserDto, OrgUnitDto, UserDto } from '../../api/generated/api';
import type { ApiProblem } from '../../api/problem';
import { CheckboxGroup, ProblemSummary, SelectField, TextField } from '../../components/fields';
import { Loading, PageHeader } from '../../components/layout';
import { useI18n } from '../../i18n/use-i18n';
import { ROLES } from '../../lib/format';
import { usePageTitle } from '../../lib/router';
import { useAction, useLoad } from '../../lib/use-load';
import { AdminNav } from './admin-nav';
import { allOrgUnits } from './org-units';
import { DataTable } from '../../components/data-table';
import { EnableToggle } from '../../components/enable-toggle';

type Role = CreateUserDto['roles'] extends (infer R)[] | undefined ? R : never;

const EMPTY = { email: '', displayName: '', orgUnitId: '', roles: ['hero'] as string[], limit: '', password: '' };

export function UsersPage() {
  const { t, term, fmt } = useI18n();
  usePageTitle(t('admin.users'));
  const [q, setQ] = useState('');
  const users = useLoad(() => api.people.usersList({ limit: 100, ...(q ? { q } : {}) }), [q]);
  const units = useLoad(allOrgUnits, []);
  const unitName = (id: string) => units.data?.find((u) => u.id === id)?.name ?? '—';
  const [form, setForm] = useState(EMPTY);
  const create = useAction(async () => {
    const amount = fmt.parseMoney(form.limit, 'EUR');
    await api.people.usersCreate({
      email: form.email,
      displayName: form.displayName,
      orgUnitId: form.orgUnitId,
      roles: form.roles as Role[],
      ...(amount !== undefined ? { approvalLimit: { amount, currency: 'EUR' } } : {}),
      ...(form.password ? { password: form.password } : {}),
    });
    setForm(EMPTY);
    users.reload();
  });
  const [editing, setEditing] = useState<UserDto>();
  const toggleStatus = useAction(async (u: UserDto) => {
    await api.people.usersUpdate({ id: u.id }, { status: u.status === 'active' ? 'disabled' : 'active' }, ifMatch(u.version));
    users.reload();
  });
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    void create.run();
  };

  return (
    <>
      <PageHeader title={t('admin.users')} />
      <AdminNav />
      <section className="card" aria-labelledby="users-title">
        <h2 id="users-title">{t('users.people')}</h2>
        <TextField name="q" label={t('users.search')} type="search" value={q} onChange={setQ} />
        <ProblemSummary problem={users.problem ?? toggleStatus.problem} />
        {!users.data ? (
          <Loading />
        ) : (
          <DataTable
            columns={[
              t('admin.name'),
              t('portfolio.unit'),
              t('users.roles'),
              t('users.approvalLimit'),
              t('kpis.status'),
              <span className="visually-hidden">{t('common.edit')}</span>,
            ]}
          >
            {users.data.items.map((u) => (
              <tr key={u.id}>
                <th scope="row">
                  {u.displayName}
                  <span className="ref">{u.email}</span>
                </th>
                <td>{unitName(u.orgUnitId)}</td>
                <td>{u.roles.map((r) => term('role', r)).join(', ')}</td>
                <td>{fmt.money(u.approvalLimit)}</td>
                <td>
                  <span className={`badge ${u.status === 'active' ? 'good' : 'warn'}`}>{term('userStatus', u.status)}</span>{' '}
                  <EnableToggle
                    enabled={u.status === 'active'}
                    name={u.displayName}
                    pending={toggleStatus.pending}
                    onToggle={() => void toggleStatus.run(u)}
                  />
                </td>
                <td>
                  <button
                    type="button"
                    className="small"
                    aria-label={t('users.editOf', { name: u.displayName })}
                    aria-expanded={editing?.id === u.id}
                    onClick={() => setEditing(u)}
                  >
                    {t('common.edit')}
                  </button>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
      {editing ? (
        <EditUser
          key={editing.id}
          user={editing}
          units={units.data ?? []}
          onDone={() => {
            setEditing(undefined);
            users.reload();
          }}
        />
      ) : null}
      <section className="card" aria-labelledby="new-user-title">
        <h2 id="new-user-title">{t('users.add')}</h2>
        <form onSubmit={submit} noValidate>
          <ProblemSummary problem={create.problem} />
          <div className="inline-fields">
            <TextField
              name="email"
              label={t('signIn.email')}
              type="email"
              value={form.email}
              onChange={(email) => setForm({ ...form, email })}
              problem={create.problem}
              required
            />
            <TextField
              name="displayName"
              label={t('admin.name')}
              value={form.displayName}
              onChange={(displayName) => setForm({ ...form, displayName })}
              problem={create.problem}
              required
            />
          </div>
          <SelectField
            name="orgUnitId"
            label={t('portfolio.unit')}
            value={form.orgUnitId}
            placeholder={t('field.choose')}
            onChange={(orgUnitId) => setForm({ ...form, orgUnitId })}
            options={(units.data ?? []).map((u) => ({ value: u.id, label: `${'— '.repeat(u.depth)}${u.name}` }))}
            problem={create.problem}
            required
          />
          <RoleFields
            roles={form.roles}
            limit={form.limit}
            onChange={(change) => setForm({ ...form, ...change })}
            problem={create.problem}
          />
          <TextField
            name="password"
            label={t('users.password')}
            type="password"
            autoComplete="new-password"
            hint={t('users.passwordHint')}
            value={form.password}
            onChange={(password) => setForm({ ...form, password })}
            problem={create.problem}
          />
          <button type="submit" className="primary" disabled={create.pending}>
            {t('users.submit')}
          </button>
        </form>
      </section>
    </>
  );
}

/** Roles, unit and approval limit of one person (PATCH with If-Match). */
function EditUser({ user, units, onDone }: { user: UserDto; units: OrgUnitDto[]; onDone: () => void }) {
  const { t, fmt } = useI18n();
  const [form, setForm] = useState({
    roles: [...user.roles] as string[],
    orgUnitId: user.orgUnitId,
    limit: fmt.moneyInput(user.approvalLimit),
  });
  const save = useAction(async () => {
    const amount = fmt.parseMoney(form.limit, user.approvalLimit?.currency ?? 'EUR');
    await api.people.usersUpdate(
      { id: user.id },
      {
        roles: form.roles as Role[],
        orgUnitId: form.orgUnitId,
        approvalLimit:
          form.roles.includes('manager') && amount !== undefined ? { amount, currency: user.approvalLimit?.currency ?? 'EUR' } : null,
      },
      ifMatch(user.version),
    );
    onDone();
  });
  return (
    <section className="card" aria-labelledby="edit-user-title">
      <h2 id="edit-user-title">{t('users.editOf', { name: user.displayName })}</h2>
      <form
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void save.run();
        }}
        noValidate
      >
        <ProblemSummary problem={save.problem} />
        <SelectField
          name="orgUnitId"
          label={t('portfolio.unit')}
          value={form.orgUnitId}
          onChange={(orgUnitId) => setForm({ ...form, orgUnitId })}
          options={units.map((u) => ({ value: u.id, label: `${'— '.repeat(u.depth)}${u.name}` }))}
          problem={save.problem}
        />
        <RoleFields roles={form.roles} limit={form.limit} onChange={(change) => setForm({ ...form, ...change })} problem={save.problem} />
        <div className="button-row">
          <button type="button" onClick={onDone}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" disabled={save.pending}>
            {t('common.save')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** A person's roles, and the approval limit a manager decides within (adding a person and editing one). */
function RoleFields({
  roles,
  limit,
  onChange,
  problem,
}: {
  roles: string[];
  limit: string;
  onChange: (change: { roles?: string[]; limit?: string }) => void;
  problem?: ApiProblem;
}) {
  const { t, term } = useI18n();
  return (
    <>
      <CheckboxGroup
        name="roles"
        label={t('users.roles')}
        values={roles}
        onChange={(next) => onChange({ roles: next })}
        options={ROLES.map((value) => ({ value, label: term('role', value) }))}
        problem={problem}
      />
      {roles.includes('manager') ? (
        <TextField
          name="approvalLimit.amount"
          label={t('users.approvalLimitEur')}
          inputMode="decimal"
          value={limit}
          onChange={(next) => onChange({ limit: next })}
          problem={problem}
          alsoFor={['approvalLimit']}
        />
      ) : null}
    </>
  );
}
