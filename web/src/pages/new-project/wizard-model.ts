import type { EffortValueInputDto, ProjectDto, SelfScreeningDto, UpdateProjectDto } from '../../api/generated/api';
import { ApiProblem } from '../../api/problem';
import { parseMajorUnits } from '../../lib/format';

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

export function formFromProject(p: ProjectDto): ProjectForm {
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
    budget: p.budget ? (p.budget.amount / 100).toFixed(2) : '',
    currency: p.budget?.currency ?? 'EUR',
    targetLaunchDate: p.targetLaunchDate ?? '',
    effortValue: { ...EMPTY_FORM.effortValue, ...answers },
    kpis: p.kpis.map((k) => ({
      name: k.name,
      unit: k.unit,
      baseline: String(k.baseline),
      target: String(k.target),
      direction: k.direction,
    })),
  };
}

export type StepKey = 'customer' | 'solution' | 'data' | 'budget' | 'kpis' | 'screening' | 'review';

export const STEPS: { key: StepKey; title: string }[] = [
  { key: 'customer', title: 'Customer problem and task' },
  { key: 'solution', title: 'Solution and technologies' },
  { key: 'data', title: 'Data and vendors' },
  { key: 'budget', title: 'Budget, timing, value and effort' },
  { key: 'kpis', title: 'KPIs' },
  { key: 'screening', title: 'Self-screening' },
  { key: 'review', title: 'Review and submit' },
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

function localProblem(errors: { field: string; message: string }[]): ApiProblem {
  return new ApiProblem({ type: 'about:blank', title: 'Check the highlighted fields', status: 400, errors });
}

/** The fields a step saves, as the API expects them; a local problem when a number does not parse. */
export function stepBody(step: StepKey, f: ProjectForm): { body: UpdateProjectDto } | { problem: ApiProblem } {
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
      const amount = parseMajorUnits(f.budget);
      if (f.budget.trim() !== '' && amount === undefined) {
        return { problem: localProblem([{ field: 'budget.amount', message: 'Enter the budget as a number, e.g. 12000 or 12000.50' }]) };
      }
      return {
        body: {
          ...(amount !== undefined ? { budget: { amount, currency: f.currency.trim().toUpperCase() } } : {}),
          ...(f.targetLaunchDate ? { targetLaunchDate: f.targetLaunchDate } : {}),
          effortValue: f.effortValue,
        },
      };
    }
    case 'kpis': {
      const errors = f.kpis.flatMap((k, i) =>
        (['baseline', 'target'] as const)
          .filter((n) => k[n].trim() === '' || !Number.isFinite(Number(k[n])))
          .map((n) => ({ field: `kpis[${i}].${n}`, message: `Enter the ${n} as a number` })),
      );
      if (errors.length) return { problem: localProblem(errors) };
      return {
        body: {
          kpis: f.kpis.map((k) => ({
            name: k.name,
            unit: k.unit,
            baseline: Number(k.baseline),
            target: Number(k.target),
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
export const SCREENING_QUESTIONS: Record<keyof SelfScreeningDto, { text: string; hint: string }> = {
  personalOrSensitiveData: {
    text: 'Will it collect, store or look at information about individual people?',
    hint: 'Names, contact details, health, location, anything about children.',
  },
  payments: { text: 'Will customers pay through it, or will it handle card or bank details?', hint: '' },
  speaksPublicly: {
    text: 'Will it publish or say things in the company’s name?',
    hint: 'Posts, messages, a chatbot, videos.',
  },
  connectedDevices: {
    text: 'Does it involve physical devices connected to the internet?',
    hint: 'Sensors, beacons, smart screens.',
  },
  integratesCoreSystems: {
    text: 'Does it need to read from or write to the company’s own systems?',
    hint: 'Orders, customer records, billing.',
  },
  newExternalVendor: { text: 'Will we use an outside company or online service we have not used before?', hint: '' },
  budgetAboveFastTrack: {
    text: 'Will it cost more than the fast-track budget limit?',
    hint: 'The limit is set by IT (10,000 EUR by default).',
  },
};

export const EFFORT_VALUE_QUESTIONS: { key: keyof EffortValueInputDto; label: string; side: 'value' | 'effort'; scale: string[] }[] = [
  {
    key: 'customersReached',
    label: 'Customers reached',
    side: 'value',
    scale: ['A handful', 'Dozens', 'Hundreds', 'Thousands', 'Most customers'],
  },
  {
    key: 'taskImprovement',
    label: 'How much the customer task improves',
    side: 'value',
    scale: ['Barely', 'A little', 'Noticeably', 'A lot', 'Transforms it'],
  },
  { key: 'strategicFit', label: 'Fit with strategy', side: 'value', scale: ['None', 'Weak', 'Some', 'Good', 'Core'] },
  { key: 'people', label: 'People needed', side: 'effort', scale: ['Just me', '2', '3–5', '6–10', 'More than 10'] },
  { key: 'weeks', label: 'Weeks of work', side: 'effort', scale: ['Under 1', '1–2', '3–6', '7–12', 'More than 12'] },
  { key: 'money', label: 'Money needed', side: 'effort', scale: ['None', 'Small', 'Medium', 'Large', 'Very large'] },
  {
    key: 'integrationWork',
    label: 'Integration work with existing systems',
    side: 'effort',
    scale: ['None', 'Light', 'Some', 'Heavy', 'Very heavy'],
  },
];
