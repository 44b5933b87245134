import { evaluateSelfScreening, SELF_SCREENING_KEYS, type SelfScreeningAnswers } from '../../src/projects/self-screening';
import { EFFORT_KEYS, scoreEffortValue, VALUE_KEYS, type EffortValueInput } from '../../src/projects/effort-value';
import { formatReference } from '../../src/projects/project-reference';
import { DATA_CATEGORIES, TECHNOLOGIES } from '../../src/projects/project-fields';
import type { ProjectState } from '../../src/projects/project-lifecycle';
import type { RiskLevel } from '../../src/risk/risk-scoring';
import type { BulkInserter } from '../lib/bulk-insert';
import type { Random } from '../lib/random';
import { isAssessed, pathTo, riskLevelFor, STATE_WEIGHTS, stepTimes } from './plan';
import { KPI_NAMES, projectText, TAGS, VENDORS } from './text';
import type { SeedUser, World } from './world';
import { seedLifecycle } from './lifecycle';
import type { AuditChainWriter } from './audit';
import type { RatingPool } from './ratings';

/** One seeded project as the lifecycle rows need it. */
export interface SeededProject {
  id: string;
  reference: string;
  title: string;
  state: ProjectState;
  orgUnitId: string;
  proposer: SeedUser;
  team: SeedUser[];
  advisor: SeedUser | null;
  riskLevel: RiskLevel | null;
  budgetMinor: number | null;
  technologies: string[];
  dataCategories: string[];
  vendors: { name: string; service: string; dataShared: string }[];
  kpiIds: string[];
  fastTrack: boolean;
  createdMs: number;
  /** One timestamp per action of the project's path. */
  actions: { action: string; at: number }[];
}

export interface SeedContext {
  ins: BulkInserter;
  rnd: Random;
  world: World;
  ratings: RatingPool;
  nowMs: number;
  audit: AuditChainWriter;
  /** session_replication_role = replica: triggers off, so submitted assessments go in as submitted. */
  replica: boolean;
}

const DAY = 86_400_000;
const iso = (ms: number): string => new Date(ms).toISOString();

function budgetFor(rnd: Random): number | null {
  if (rnd.chance(0.15)) return null;
  // Mostly within a department manager's limit (500,000.00 EUR), some for a division or the board.
  return rnd.chance(0.85) ? rnd.int(50, 50_000) * 1_000 : rnd.int(50_000, 400_000) * 1_000;
}

function selfScreening(rnd: Random) {
  const answers = Object.fromEntries(SELF_SCREENING_KEYS.map((k) => [k, rnd.chance(0.25)])) as unknown as SelfScreeningAnswers;
  return { answers, result: evaluateSelfScreening(answers) };
}

function effortValue(rnd: Random): { answers: EffortValueInput; score: ReturnType<typeof scoreEffortValue> } {
  const answers = Object.fromEntries([...VALUE_KEYS, ...EFFORT_KEYS].map((k) => [k, rnd.int(0, 4)])) as unknown as EffortValueInput;
  return { answers, score: scoreEffortValue(answers) };
}

function plan(ctx: SeedContext, createdMs: number, reference: string): SeededProject {
  const { rnd, world } = ctx;
  const state = rnd.weighted(STATE_WEIGHTS);
  const riskLevel = isAssessed(state) ? riskLevelFor(rnd, state) : null;
  const path = pathTo(state, riskLevel === 'high' || riskLevel === 'critical');
  const times = stepTimes(rnd, createdMs, ctx.nowMs, path.length);
  const proposer = rnd.pick(world.heroes);
  const team = rnd.chance(0.25) ? rnd.sample(world.heroes, rnd.int(1, 2)).filter((h) => h.id !== proposer.id) : [];
  return {
    id: rnd.uuid(),
    reference,
    title: '',
    state,
    orgUnitId: proposer.unitId,
    proposer,
    team,
    advisor: path.includes('assign') ? rnd.pick(world.advisors) : null,
    riskLevel,
    budgetMinor: budgetFor(rnd),
    technologies: rnd.sample(TECHNOLOGIES, rnd.int(1, 3)),
    dataCategories: rnd.sample(DATA_CATEGORIES, rnd.int(1, 2)),
    vendors: rnd.chance(0.5)
      ? rnd.sample(VENDORS, rnd.int(1, 2)).map((name) => ({ name, service: `${name} hosted service`, dataShared: 'Customer first name' }))
      : [],
    kpiIds: [],
    fastTrack: false,
    createdMs,
    actions: path.map((action, i) => ({ action, at: times[i] })),
  };
}

async function insertProject(ctx: SeedContext, p: SeededProject): Promise<void> {
  const { rnd, ins } = ctx;
  const text = projectText(rnd);
  p.title = text.title;
  const screened = p.state !== 'draft' || rnd.chance(0.5);
  const ss = screened ? selfScreening(rnd) : null;
  const ev = screened ? effortValue(rnd) : null;
  p.fastTrack = ss?.result.fastTrack ?? false;
  const last = p.actions.at(-1)?.at ?? p.createdMs;
  const at = (a: string) => p.actions.find((x) => x.action === a)?.at ?? null;
  const launched = at('launch');
  const retired = at('retire');
  await ins.add('project', {
    id: p.id,
    reference: p.reference,
    ...{ title: text.title, summary: text.summary, customer_problem: text.customerProblem, customer_task: text.customerTask },
    ...{ target_customers: text.targetCustomers, solution: text.solution },
    technologies: p.technologies,
    data_categories: p.dataCategories,
    budget_amount: p.budgetMinor,
    budget_currency: p.budgetMinor === null ? null : 'EUR',
    target_launch_date: rnd.chance(0.8) ? iso(p.createdMs + rnd.int(60, 400) * DAY).slice(0, 10) : null,
    tags: rnd.chance(0.4) ? rnd.sample(TAGS, rnd.int(1, 2)) : [],
    proposer_id: p.proposer.id,
    org_unit_id: p.orgUnitId,
    state: p.state,
    risk_level: p.riskLevel,
    self_screening: ss?.answers ?? null,
    indicative_tier: ss?.result.indicativeTier ?? null,
    fast_track: p.fastTrack,
    effort_value: ev?.answers ?? null,
    value_score: ev?.score.valueScore ?? null,
    effort_score: ev?.score.effortScore ?? null,
    value_verdict: ev?.score.verdict ?? null,
    assigned_advisor_id: p.advisor?.id ?? null,
    submitted_at: at('submit') === null ? null : iso(at('submit')!),
    state_changed_at: p.actions.length ? iso(last) : null,
    launched_at: launched === null ? null : iso(launched),
    retired_at: retired === null ? null : iso(retired),
    retirement_reason: retired === null ? null : 'Replaced by a newer service',
    created_at: iso(p.createdMs),
    updated_at: iso(last),
    version: 1 + p.actions.length,
  });
  await insertChildren(ctx, p);
}

async function insertChildren(ctx: SeedContext, p: SeededProject): Promise<void> {
  const { rnd, ins } = ctx;
  for (const [position, v] of p.vendors.entries()) {
    await ins.add('project_vendor', {
      id: rnd.uuid(),
      project_id: p.id,
      position,
      name: v.name,
      service: v.service,
      data_shared: v.dataShared,
    });
  }
  const kpis = rnd.int(1, 3);
  for (let position = 0; position < kpis; position++) {
    const id = rnd.uuid();
    p.kpiIds.push(id);
    const baseline = rnd.int(100, 2000);
    await ins.add('project_kpi', {
      ...{ id, project_id: p.id, position, name: KPI_NAMES[(position + kpis) % KPI_NAMES.length], unit: 'per week' },
      ...{ baseline, target: Math.round(baseline * 0.7), direction: 'decrease' },
    });
  }
  for (const m of p.team) await ins.add('project_team_member', { project_id: p.id, user_id: m.id });
  if (rnd.chance(0.1)) {
    for (const supporter of rnd.sample(ctx.world.heroes, rnd.int(1, 3)).filter((h) => h.id !== p.proposer.id)) {
      await ins.add('project_support', {
        id: rnd.uuid(),
        project_id: p.id,
        user_id: supporter.id,
        note: '+1 from our customers',
        created_at: iso(p.createdMs + DAY),
      });
    }
  }
}

/**
 * `count` projects created over the three years before now, in creation order, with references
 * HC-YYYY-NNNN numbered per year. Returns the per-year counters for project_reference_counter.
 */
export async function seedProjects(ctx: SeedContext, count: number): Promise<Map<number, number>> {
  const span = 3 * 365 * DAY;
  const start = ctx.nowMs - span;
  const counters = new Map<number, number>();
  for (let i = 0; i < count; i++) {
    const createdMs = Math.floor(start + (span * (i + ctx.rnd.next() * 0.9)) / count);
    const year = new Date(createdMs).getUTCFullYear();
    const n = (counters.get(year) ?? 0) + 1;
    counters.set(year, n);
    await ctx.audit.releaseUntil(createdMs);
    const p = plan(ctx, createdMs, formatReference(year, n));
    await insertProject(ctx, p);
    await seedLifecycle(ctx, p);
  }
  for (const [year, last] of counters) await ctx.ins.add('project_reference_counter', { year, last_number: last });
  await ctx.ins.finish();
  return counters;
}
