import type { EffortValueInputDto, ProjectDto } from '../../api/generated/api';
import type { ApiProblem } from '../../api/problem';
import { CheckboxGroup, SelectField, TextArea, TextField } from '../../components/fields';
import { DATA_CATEGORIES, DATA_LABELS, TECHNOLOGIES, TECHNOLOGY_LABELS } from '../../lib/format';
import { EFFORT_VALUE_QUESTIONS, type KpiRow, type ProjectForm, type VendorRow } from './wizard-model';

export interface StepProps {
  form: ProjectForm;
  set: (patch: Partial<ProjectForm>) => void;
  problem?: ApiProblem;
  project?: ProjectDto;
}

const options = (values: readonly string[], labels: Record<string, string>) => values.map((v) => ({ value: v, label: labels[v] ?? v }));

export function CustomerStep({ form, set, problem }: StepProps) {
  return (
    <>
      <p className="lead">Start with the customer: what goes wrong for them today, and which task of theirs gets better.</p>
      <TextField
        name="title"
        label="Project title"
        value={form.title}
        onChange={(title) => set({ title })}
        problem={problem}
        required
        maxLength={200}
      />
      <TextArea
        name="customerProblem"
        label="Customer problem"
        hint="In the customer’s words: what goes wrong for them today?"
        value={form.customerProblem}
        onChange={(customerProblem) => set({ customerProblem })}
        problem={problem}
        required
      />
      <TextField
        name="customerTask"
        label="Customer task"
        hint="The top task customers are trying to do that this improves, e.g. “Know when my parcel arrives”."
        value={form.customerTask}
        onChange={(customerTask) => set({ customerTask })}
        problem={problem}
        required
      />
      <TextArea
        name="targetCustomers"
        label="Target customers"
        rows={2}
        value={form.targetCustomers}
        onChange={(targetCustomers) => set({ targetCustomers })}
        problem={problem}
      />
      <TextArea
        name="summary"
        label="Summary"
        hint="Two or three sentences for the people who assess and decide."
        rows={3}
        value={form.summary}
        onChange={(summary) => set({ summary })}
        problem={problem}
      />
    </>
  );
}

export function SolutionStep({ form, set, problem }: StepProps) {
  return (
    <>
      <TextArea
        name="solution"
        label="Solution"
        hint="What you will build or buy, and how customers will use it."
        rows={6}
        value={form.solution}
        onChange={(solution) => set({ solution })}
        problem={problem}
        required
      />
      <CheckboxGroup
        name="technologies"
        label="Technologies"
        values={form.technologies}
        onChange={(technologies) => set({ technologies })}
        options={options(TECHNOLOGIES, TECHNOLOGY_LABELS)}
        problem={problem}
      />
    </>
  );
}

export function DataStep({ form, set, problem }: StepProps) {
  const setVendor = (i: number, patch: Partial<VendorRow>) =>
    set({ vendors: form.vendors.map((v, j) => (i === j ? { ...v, ...patch } : v)) });
  return (
    <>
      <CheckboxGroup
        name="dataCategories"
        label="Customer data it uses"
        hint="Choose “No customer data” if it uses none."
        values={form.dataCategories}
        onChange={(dataCategories) => set({ dataCategories })}
        options={options(DATA_CATEGORIES, DATA_LABELS)}
        problem={problem}
      />
      <h3>External vendors</h3>
      {form.vendors.length === 0 ? <p className="hint">No vendors. Add every outside company or online service it uses.</p> : null}
      {form.vendors.map((v, i) => (
        <fieldset key={i} className="row-group">
          <legend>Vendor {i + 1}</legend>
          <TextField
            name={`vendors[${i}].name`}
            label="Name"
            value={v.name}
            onChange={(name) => setVendor(i, { name })}
            problem={problem}
            required
          />
          <TextField
            name={`vendors[${i}].service`}
            label="Service"
            value={v.service}
            onChange={(service) => setVendor(i, { service })}
            problem={problem}
            required
          />
          <TextField
            name={`vendors[${i}].dataShared`}
            label="Data shared with them"
            value={v.dataShared}
            onChange={(dataShared) => setVendor(i, { dataShared })}
            problem={problem}
          />
          <button type="button" className="link-button danger" onClick={() => set({ vendors: form.vendors.filter((_, j) => j !== i) })}>
            Remove vendor {i + 1}
          </button>
        </fieldset>
      ))}
      <button type="button" onClick={() => set({ vendors: [...form.vendors, { name: '', service: '', dataShared: '' }] })}>
        Add a vendor
      </button>
    </>
  );
}

export function BudgetStep({ form, set, problem, project }: StepProps) {
  const setAnswer = (key: keyof EffortValueInputDto, value: string) => set({ effortValue: { ...form.effortValue, [key]: Number(value) } });
  return (
    <>
      <div className="inline-fields">
        <TextField
          name="budget.amount"
          label="Budget"
          hint="In euros (or the currency on the right), e.g. 12000"
          inputMode="decimal"
          value={form.budget}
          onChange={(budget) => set({ budget })}
          problem={problem}
          alsoFor={['budget']}
        />
        <TextField
          name="budget.currency"
          label="Currency"
          value={form.currency}
          onChange={(currency) => set({ currency })}
          problem={problem}
          maxLength={3}
        />
        <TextField
          name="targetLaunchDate"
          label="Target launch date"
          type="date"
          value={form.targetLaunchDate}
          onChange={(targetLaunchDate) => set({ targetLaunchDate })}
          problem={problem}
        />
      </div>
      <fieldset className="effort-value">
        <legend>Value and effort</legend>
        <p className="hint">Value well above effort marks the project a no-brainer; effort well above value is flagged for your manager.</p>
        <div className="two-columns">
          {(['value', 'effort'] as const).map((side) => (
            <div key={side}>
              <h3>{side === 'value' ? 'Expected value' : 'Expected effort'}</h3>
              {EFFORT_VALUE_QUESTIONS.filter((q) => q.side === side).map((q) => (
                <SelectField
                  key={q.key}
                  name={`effortValue.${q.key}`}
                  label={q.label}
                  value={String(form.effortValue[q.key])}
                  onChange={(v) => setAnswer(q.key, v)}
                  options={q.scale.map((label, i) => ({ value: String(i), label }))}
                  problem={problem}
                />
              ))}
            </div>
          ))}
        </div>
        {project?.effortValue ? (
          <p className="scores" role="status">
            Saved scores: value <strong>{project.effortValue.valueScore}</strong>, effort <strong>{project.effortValue.effortScore}</strong>
            {project.effortValue.verdict === 'no_brainer'
              ? ' — a no-brainer.'
              : project.effortValue.verdict === 'effort_exceeds_value'
                ? ' — effort exceeds value.'
                : '.'}
          </p>
        ) : null}
      </fieldset>
    </>
  );
}

export function KpiStep({ form, set, problem }: StepProps) {
  const setKpi = (i: number, patch: Partial<KpiRow>) => set({ kpis: form.kpis.map((k, j) => (i === j ? { ...k, ...patch } : k)) });
  return (
    <>
      <p className="lead">How will you know it works? Name at least one measure, where it stands today and where you want it.</p>
      {form.kpis.map((k, i) => (
        <fieldset key={i} className="row-group">
          <legend>KPI {i + 1}</legend>
          <div className="inline-fields">
            <TextField
              name={`kpis[${i}].name`}
              label="Name"
              value={k.name}
              onChange={(name) => setKpi(i, { name })}
              problem={problem}
              required
            />
            <TextField
              name={`kpis[${i}].unit`}
              label="Unit"
              value={k.unit}
              onChange={(unit) => setKpi(i, { unit })}
              problem={problem}
              required
            />
          </div>
          <div className="inline-fields">
            <TextField
              name={`kpis[${i}].baseline`}
              label="Baseline"
              inputMode="decimal"
              value={k.baseline}
              onChange={(baseline) => setKpi(i, { baseline })}
              problem={problem}
              required
            />
            <TextField
              name={`kpis[${i}].target`}
              label="Target"
              inputMode="decimal"
              value={k.target}
              onChange={(target) => setKpi(i, { target })}
              problem={problem}
              required
            />
            <SelectField
              name={`kpis[${i}].direction`}
              label="Better is"
              value={k.direction}
              onChange={(direction) => setKpi(i, { direction: direction as KpiRow['direction'] })}
              options={[
                { value: 'increase', label: 'Higher' },
                { value: 'decrease', label: 'Lower' },
              ]}
              problem={problem}
            />
          </div>
          <button type="button" className="link-button danger" onClick={() => set({ kpis: form.kpis.filter((_, j) => j !== i) })}>
            Remove KPI {i + 1}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        onClick={() => set({ kpis: [...form.kpis, { name: '', unit: '', baseline: '', target: '', direction: 'increase' }] })}
      >
        Add a KPI
      </button>
    </>
  );
}
