import type { EffortValueInputDto, ProjectDto, SelfScreeningDto, UpdateProjectDto } from '../../api/generated/api';
import { ApiProblem } from '../../api/problem';
import type { PlainKey } from '../../i18n/catalog';
import type { I18n } from '../../i18n/translate';

/** The wizard's form: strings while typing, converted to the API's shapes when a step is saved. */
export interface VendorRow {
  name: string;
  service: string;
  dataShared: string;
}
export interface KpiRow {
  name: string;
  unit: string;
  baseline: string;
  target: string;
  direction: 'increase' | 'decrease';
}
export interface ProjectForm {
  title: string;
  summary: string;
  customerProblem: string;
  customerTask: string;
  targetCustomers: string;
  solution: string;
  technologies: string[];
  dataCategories: string[];
  vendors: VendorRow[];
  budget: string;
  currency: string;
  targetLaunchDate: string;
  effortValue: EffortValueInputDto;
  kpis: KpiRow[];
}

export const EMPTY_FORM: ProjectForm = {
  title: '',
  summary: '',
  customerProblem: '',
  customerTask: '',
  targetCustomers: '',
  solution: '',
  technologies: [],
  dataCategories: [],
  vendors: [],
  budget: '',
  currency: 'EUR',
  targetLaunchDate: '',
  effortValue: { customersReached: 2, taskImprovement: 2, strategicFit: 2, people: 2, weeks: 2, money: 2, integrationWork: 2 },
  kpis: [],
};

/** The saved project as the form shows it: amounts and numbers written the user's way ("12000,5" in French). */
export function formFromProject(p: ProjectDto, { fmt }: I18n): ProjectForm {
  const answers = p.effortValue?.answers as Partial<EffortValueInputDto> | undefined;
  return {
    title: p.title,
    summary: p.summary,
    customerProblem: p.customerProblem,
    customerTask: p.customerTask,
    targetCustomers: p.targetCustomers,
    solution: p.solution,
    technologies: [...p.technologies],
    dataCategories: [...p.dataCategories],
    vendors: p.vendors.map((v) => ({ name: v.name, service: v.service, dataShared: v.dataShared })),
    budget: fmt.moneyInput(p.budget),
    currency: p.budget?.currency ?? 'EUR',
    targetLaunchDate: p.targetLaunchDate ?? '',
    effortValue: { ...EMPTY_FORM.effortValue, ...answers },
    kpis: p.kpis.map((k) => ({
      name: k.name,
      unit: k.unit,
      baseline: fmt.numberInput(k.baseline),
      target: fmt.numberInput(k.target),
      direction: k.direction,
    })),
  };
}

export type StepKey = 'customer' | 'solution' | 'data' | 'budget' | 'kpis' | 'screening' | 'review';

export const STEPS: { key: StepKey; title: PlainKey }[] = [
  { key: 'customer', title: 'wizard.step.customer' },
  { key: 'solution', title: 'wizard.step.solution' },
  { key: 'data', title: 'wizard.step.data' },
  { key: 'budget', title: 'wizard.step.budget' },
  { key: 'kpis', title: 'wizard.step.kpis' },
  { key: 'screening', title: 'wizard.step.screening' },
  { key: 'review', title: 'wizard.step.review' },
];

/** Which step shows an API field, so a problem naming it can send the HERO there. */
export function stepOfField(field: string): StepKey {
  const root = field.split(/[.[]/)[0];
  if (['title', 'summary', 'customerProblem', 'customerTask', 'targetCustomers'].includes(root)) return 'customer';
  if (['solution', 'technologies'].includes(root)) return 'solution';
  if (['dataCategories', 'vendors'].includes(root)) return 'data';
  if (['budget', 'targetLaunchDate', 'effortValue', 'currency'].includes(root)) return 'budget';
  if (root === 'kpis') return 'kpis';
  if (root === 'selfScreening' || root in SCREENING_QUESTIONS) return 'screening';
  return 'review';
}

/** A problem found before asking the server (a number that does not parse), shown like the server's. */
export function localProblem(errors: { field: string; message: string }[], { t }: I18n): ApiProblem {
  return new ApiProblem({ type: 'about:blank', title: t('problem.local.title'), status: 400, errors });
}

/** The fields a step saves, as the API expects them; a local problem when a number does not parse. */
export function stepBody(step: StepKey, f: ProjectForm, i18n: I18n): { body: UpdateProjectDto } | { problem: ApiProblem } {
  const { t, fmt } = i18n;
  switch (step) {
    case 'customer':
      return {
        body: {
          title: f.title,
          summary: f.summary,
          customerProblem: f.customerProblem,
          customerTask: f.customerTask,
          targetCustomers: f.targetCustomers,
        },
      };
    case 'solution':
      return { body: { solution: f.solution, technologies: f.technologies as UpdateProjectDto['technologies'] } };
    case 'data':
      return {
        body: {
          dataCategories: f.dataCategories as UpdateProjectDto['dataCategories'],
          vendors: f.vendors.map((v) => ({ name: v.name, service: v.service, ...(v.dataShared ? { dataShared: v.dataShared } : {}) })),
        },
      };
    case 'budget': {
      const currency = f.currency.trim().toUpperCase();
      const amount = fmt.parseMoney(f.budget, currency);
      if (f.budget.trim() !== '' && amount === undefined) {
        return { problem: localProblem([{ field: 'budget.amount', message: t('wizard.budgetNotNumber') }], i18n) };
      }
      return {
        body: {
          ...(amount !== undefined ? { budget: { amount, currency } } : {}),
          ...(f.targetLaunchDate ? { targetLaunchDate: f.targetLaunchDate } : {}),
          effortValue: f.effortValue,
        },
      };
    }
    case 'kpis': {
      const errors = f.kpis.flatMap((k, i) =>
        (['baseline', 'target'] as const)
          .filter((n) => fmt.parseNumber(k[n]) === undefined)
          .map((n) => ({ field: `kpis[${i}].${n}`, message: t(n === 'baseline' ? 'wizard.baselineNotNumber' : 'wizard.targetNotNumber') })),
      );
      if (errors.length) return { problem: localProblem(errors, i18n) };
      return {
        body: {
          kpis: f.kpis.map((k) => ({
            name: k.name,
            unit: k.unit,
            baseline: fmt.parseNumber(k.baseline) ?? Number.NaN,
            target: fmt.parseNumber(k.target) ?? Number.NaN,
            direction: k.direction,
          })),
        },
      };
    }
    default:
      return { body: {} };
  }
}

/** The seven questions in plain words (the API's SelfScreeningDto keys; a renamed key fails the build). */
export const SCREENING_QUESTIONS: Record<keyof SelfScreeningDto, { text: PlainKey; hint?: PlainKey }> = {
  personalOrSensitiveData: { text: 'screening.q.personal', hint: 'screening.q.personal.hint' },
  payments: { text: 'screening.q.payments' },
  speaksPublicly: { text: 'screening.q.public', hint: 'screening.q.public.hint' },
  connectedDevices: { text: 'screening.q.devices', hint: 'screening.q.devices.hint' },
  integratesCoreSystems: { text: 'screening.q.core', hint: 'screening.q.core.hint' },
  newExternalVendor: { text: 'screening.q.vendor' },
  budgetAboveFastTrack: { text: 'screening.q.budget', hint: 'screening.q.budget.hint' },
};

type Scale = [PlainKey, PlainKey, PlainKey, PlainKey, PlainKey];
export const EFFORT_VALUE_QUESTIONS: { key: keyof EffortValueInputDto; label: PlainKey; side: 'value' | 'effort'; scale: Scale }[] = [
  {
    key: 'customersReached',
    label: 'ev.customersReached',
    side: 'value',
    scale: ['ev.customersReached.0', 'ev.customersReached.1', 'ev.customersReached.2', 'ev.customersReached.3', 'ev.customersReached.4'],
  },
  {
    key: 'taskImprovement',
    label: 'ev.taskImprovement',
    side: 'value',
    scale: ['ev.taskImprovement.0', 'ev.taskImprovement.1', 'ev.taskImprovement.2', 'ev.taskImprovement.3', 'ev.taskImprovement.4'],
  },
  {
    key: 'strategicFit',
    label: 'ev.strategicFit',
    side: 'value',
    scale: ['ev.strategicFit.0', 'ev.strategicFit.1', 'ev.strategicFit.2', 'ev.strategicFit.3', 'ev.strategicFit.4'],
  },
  { key: 'people', label: 'ev.people', side: 'effort', scale: ['ev.people.0', 'ev.people.1', 'ev.people.2', 'ev.people.3', 'ev.people.4'] },
  { key: 'weeks', label: 'ev.weeks', side: 'effort', scale: ['ev.weeks.0', 'ev.weeks.1', 'ev.weeks.2', 'ev.weeks.3', 'ev.weeks.4'] },
  { key: 'money', label: 'ev.money', side: 'effort', scale: ['ev.money.0', 'ev.money.1', 'ev.money.2', 'ev.money.3', 'ev.money.4'] },
  {
    key: 'integrationWork',
    label: 'ev.integrationWork',
    side: 'effort',
    scale: ['ev.integrationWork.0', 'ev.integrationWork.1', 'ev.integrationWork.2', 'ev.integrationWork.3', 'ev.integrationWork.4'],
  },
];
