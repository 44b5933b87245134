import type { EffortValueInputDto, ProjectDto } from '../../api/generated/api';
import type { ApiProblem } from '../../api/problem';
import { CheckboxGroup, SelectField, TextArea, TextField } from '../../components/fields';
import { useI18n } from '../../i18n/use-i18n';
import { DATA_CATEGORIES, TECHNOLOGIES } from '../../lib/format';
import { EFFORT_VALUE_QUESTIONS, type KpiRow, type ProjectForm, type VendorRow } from './wizard-model';

export interface StepProps {
  form: ProjectForm;
  set: (patch: Partial<ProjectForm>) => void;
  problem?: ApiProblem;
  project?: ProjectDto;
}

export function CustomerStep({ form, set, problem }: StepProps) {
  const { t } = useI18n();
  return (
    <>
      <p className="lead">{t('wizard.customer.lead')}</p>
      <TextField
        name="title"
        label={t('wizard.title')}
        value={form.title}
        onChange={(title) => set({ title })}
        problem={problem}
        required
        maxLength={200}
      />
      <TextArea
        name="customerProblem"
        label={t('projectField.customerProblem')}
        hint={t('wizard.customerProblem.hint')}
        value={form.customerProblem}
        onChange={(customerProblem) => set({ customerProblem })}
        problem={problem}
        required
      />
      <TextField
        name="customerTask"
        label={t('projectField.customerTask')}
        hint={t('wizard.customerTask.hint')}
        value={form.customerTask}
        onChange={(customerTask) => set({ customerTask })}
        problem={problem}
        required
      />
      <TextArea
        name="targetCustomers"
        label={t('projectField.targetCustomers')}
        rows={2}
        value={form.targetCustomers}
        onChange={(targetCustomers) => set({ targetCustomers })}
        problem={problem}
      />
      <TextArea
        name="summary"
        label={t('projectField.summary')}
        hint={t('wizard.summary.hint')}
        rows={3}
        value={form.summary}
        onChange={(summary) => set({ summary })}
        problem={problem}
      />
    </>
  );
}

export function SolutionStep({ form, set, problem }: StepProps) {
  const { t, term } = useI18n();
  return (
    <>
      <TextArea
        name="solution"
        label={t('projectField.solution')}
        hint={t('wizard.solution.hint')}
        rows={6}
        value={form.solution}
        onChange={(solution) => set({ solution })}
        problem={problem}
        required
      />
      <CheckboxGroup
        name="technologies"
        label={t('projectField.technologies')}
        values={form.technologies}
        onChange={(technologies) => set({ technologies })}
        options={TECHNOLOGIES.map((v) => ({ value: v, label: term('tech', v) }))}
        problem={problem}
      />
    </>
  );
}

export function DataStep({ form, set, problem }: StepProps) {
  const { t, term } = useI18n();
  const setVendor = (i: number, patch: Partial<VendorRow>) =>
    set({ vendors: form.vendors.map((v, j) => (i === j ? { ...v, ...patch } : v)) });
  return (
    <>
      <CheckboxGroup
        name="dataCategories"
        label={t('wizard.data.label')}
        hint={t('wizard.data.hint')}
        values={form.dataCategories}
        onChange={(dataCategories) => set({ dataCategories })}
        options={DATA_CATEGORIES.map((v) => ({ value: v, label: term('data', v) }))}
        problem={problem}
      />
      <h3>{t('wizard.vendors')}</h3>
      {form.vendors.length === 0 ? <p className="hint">{t('wizard.vendors.none')}</p> : null}
      {form.vendors.map((v, i) => (
        <fieldset key={i} className="row-group">
          <legend>{t('wizard.vendorN', { n: i + 1 })}</legend>
          <TextField
            name={`vendors[${i}].name`}
            label={t('wizard.name')}
            value={v.name}
            onChange={(name) => setVendor(i, { name })}
            problem={problem}
            required
          />
          <TextField
            name={`vendors[${i}].service`}
            label={t('wizard.vendor.service')}
            value={v.service}
            onChange={(service) => setVendor(i, { service })}
            problem={problem}
            required
          />
          <TextField
            name={`vendors[${i}].dataShared`}
            label={t('wizard.vendor.dataShared')}
            value={v.dataShared}
            onChange={(dataShared) => setVendor(i, { dataShared })}
            problem={problem}
          />
          <button type="button" className="link-button danger" onClick={() => set({ vendors: form.vendors.filter((_, j) => j !== i) })}>
            {t('wizard.removeVendor', { n: i + 1 })}
          </button>
        </fieldset>
      ))}
      <button type="button" onClick={() => set({ vendors: [...form.vendors, { name: '', service: '', dataShared: '' }] })}>
        {t('wizard.addVendor')}
      </button>
    </>
  );
}

export function BudgetStep({ form, set, problem, project }: StepProps) {
  const { t, rich } = useI18n();
  const setAnswer = (key: keyof EffortValueInputDto, value: string) => set({ effortValue: { ...form.effortValue, [key]: Number(value) } });
  return (
    <>
      <div className="inline-fields">
        <TextField
          name="budget.amount"
          label={t('projectField.budget')}
          hint={t('wizard.budget.hint')}
          inputMode="decimal"
          value={form.budget}
          onChange={(budget) => set({ budget })}
          problem={problem}
          alsoFor={['budget']}
        />
        <TextField
          name="budget.currency"
          label={t('wizard.currency')}
          value={form.currency}
          onChange={(currency) => set({ currency })}
          problem={problem}
          maxLength={3}
        />
        <TextField
          name="targetLaunchDate"
          label={t('wizard.targetLaunchDate')}
          type="date"
          value={form.targetLaunchDate}
          onChange={(targetLaunchDate) => set({ targetLaunchDate })}
          problem={problem}
        />
      </div>
      <fieldset className="effort-value">
        <legend>{t('projectField.effortValue')}</legend>
        <p className="hint">{t('wizard.ev.hint')}</p>
        <div className="two-columns">
          {(['value', 'effort'] as const).map((side) => (
            <div key={side}>
              <h3>{side === 'value' ? t('wizard.ev.value') : t('wizard.ev.effort')}</h3>
              {EFFORT_VALUE_QUESTIONS.filter((q) => q.side === side).map((q) => (
                <SelectField
                  key={q.key}
                  name={`effortValue.${q.key}`}
                  label={t(q.label)}
                  value={String(form.effortValue[q.key])}
                  onChange={(v) => setAnswer(q.key, v)}
                  options={q.scale.map((label, i) => ({ value: String(i), label: t(label) }))}
                  problem={problem}
                />
              ))}
            </div>
          ))}
        </div>
        {project?.effortValue ? (
          <p className="scores" role="status">
            {rich(
              project.effortValue.verdict === 'no_brainer'
                ? 'wizard.ev.savedNoBrainer'
                : project.effortValue.verdict === 'effort_exceeds_value'
                  ? 'wizard.ev.savedExceeds'
                  : 'wizard.ev.saved',
              { value: <strong>{project.effortValue.valueScore}</strong>, effort: <strong>{project.effortValue.effortScore}</strong> },
            )}
          </p>
        ) : null}
      </fieldset>
    </>
  );
}

export function KpiStep({ form, set, problem }: StepProps) {
  const { t } = useI18n();
  const setKpi = (i: number, patch: Partial<KpiRow>) => set({ kpis: form.kpis.map((k, j) => (i === j ? { ...k, ...patch } : k)) });
  return (
    <>
      <p className="lead">{t('wizard.kpis.lead')}</p>
      {form.kpis.map((k, i) => (
        <fieldset key={i} className="row-group">
          <legend>{t('wizard.kpiN', { n: i + 1 })}</legend>
          <div className="inline-fields">
            <TextField
              name={`kpis[${i}].name`}
              label={t('wizard.name')}
              value={k.name}
              onChange={(name) => setKpi(i, { name })}
              problem={problem}
              required
            />
            <TextField
              name={`kpis[${i}].unit`}
              label={t('wizard.kpi.unit')}
              value={k.unit}
              onChange={(unit) => setKpi(i, { unit })}
              problem={problem}
              required
            />
          </div>
          <div className="inline-fields">
            <TextField
              name={`kpis[${i}].baseline`}
              label={t('wizard.kpi.baseline')}
              inputMode="decimal"
              value={k.baseline}
              onChange={(baseline) => setKpi(i, { baseline })}
              problem={problem}
              required
            />
            <TextField
              name={`kpis[${i}].target`}
              label={t('wizard.kpi.target')}
              inputMode="decimal"
              value={k.target}
              onChange={(target) => setKpi(i, { target })}
              problem={problem}
              required
            />
            <SelectField
              name={`kpis[${i}].direction`}
              label={t('wizard.kpi.better')}
              value={k.direction}
              onChange={(direction) => setKpi(i, { direction: direction as KpiRow['direction'] })}
              options={[
                { value: 'increase', label: t('wizard.kpi.higher') },
                { value: 'decrease', label: t('wizard.kpi.lower') },
              ]}
              problem={problem}
            />
          </div>
          <button type="button" className="link-button danger" onClick={() => set({ kpis: form.kpis.filter((_, j) => j !== i) })}>
            {t('wizard.removeKpi', { n: i + 1 })}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        onClick={() => set({ kpis: [...form.kpis, { name: '', unit: '', baseline: '', target: '', direction: 'increase' }] })}
      >
        {t('wizard.addKpi')}
      </button>
    </>
  );
}
