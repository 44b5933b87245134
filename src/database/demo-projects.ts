import { INestApplication, Logger } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { CompactService } from '../compact/compact.service';
import { DecisionsService } from '../decisions/decisions.service';
import { DeliveryService } from '../decisions/delivery.service';
import { KpisService } from '../decisions/kpis.service';
import { AssessmentSubmissionService } from '../risk/assessment-submission.service';
import { AssessmentsService } from '../risk/assessments.service';
import { userPrincipal } from '../identity/auth/principal.factory';
import type { Principal } from '../identity/auth/principal';
import { User } from '../identity/entities/user.entity';
import type { CreateProjectDto } from '../projects/dto/project-input.dto';
import { ProjectLifecycleService } from '../projects/project-lifecycle.service';
import { ProjectsIntakeService } from '../projects/projects-intake.service';
import { budgetAboveFastTrack as budgetAbove } from '../projects/self-screening';
import type { ProjectState } from '../projects/project-lifecycle';

/**
 * API.md "Demo data": a dozen projects spread over the lifecycle, built through the same services
 * the API uses (so references, audit trail and history are real). Runs once, right after the demo
 * accounts are created.
 */
type Step = (ctx: DemoContext, id: string) => Promise<void>;
interface DemoProject {
  who: 'hero' | 'salesHero';
  target: ProjectState;
  body: CreateProjectDto;
  risky: boolean;
  /** The advisor's overall level for assessed projects (fast-track ones are low). */
  risk?: 'medium' | 'high';
}

const NO = {
  personalOrSensitiveData: false,
  payments: false,
  speaksPublicly: false,
  connectedDevices: false,
  integratesCoreSystems: false,
  newExternalVendor: false,
  budgetAboveFastTrack: false,
};
const RISKY = { ...NO, personalOrSensitiveData: true, newExternalVendor: true };

const base = (title: string, extra: Partial<CreateProjectDto>): CreateProjectDto => ({
  title,
  summary: `${title}: a customer-facing improvement proposed by a HERO.`,
  customerProblem: 'Customers wait too long or cannot find what they need.',
  customerTask: 'Get my answer without calling',
  targetCustomers: 'Retail customers',
  solution: 'A small hosted service built on a supported platform.',
  technologies: ['web'],
  dataCategories: ['none'],
  vendors: [],
  budget: { amount: 800_000, currency: 'EUR' },
  targetLaunchDate: '2027-06-01',
  kpis: [{ name: 'Calls avoided', unit: 'calls/week', baseline: 1000, target: 700, direction: 'decrease' }],
  effortValue: { customersReached: 3, taskImprovement: 3, strategicFit: 2, people: 1, weeks: 1, money: 1, integrationWork: 0 },
  ...extra,
});

export const DEMO_PROJECTS: DemoProject[] = [
  { who: 'hero', target: 'draft', risky: false, body: base('Instagram product stories', { technologies: ['social', 'video'] }) },
  {
    who: 'salesHero',
    target: 'draft',
    risky: false,
    body: base('Quote calculator for small fleets', { budget: { amount: 300_000, currency: 'EUR' } }),
  },
  {
    who: 'hero',
    target: 'submitted',
    risky: true,
    body: base('Delivery-status chatbot', {
      technologies: ['web', 'ai'],
      dataCategories: ['personal'],
      vendors: [{ name: 'Acme Chat', service: 'Hosted chatbot', dataShared: 'Order number, first name' }],
    }),
  },
  {
    who: 'hero',
    target: 'in_review',
    risky: true,
    body: base('Loyalty app with location offers', {
      technologies: ['mobile', 'cloud'],
      dataCategories: ['personal', 'location'],
      vendors: [{ name: 'GeoPush', service: 'Geofenced notifications', dataShared: 'Device location' }],
      budget: { amount: 4_500_000, currency: 'EUR' },
    }),
  },
  {
    who: 'hero',
    target: 'info_requested',
    risky: true,
    body: base('Smart shelf sensors in flagship store', {
      technologies: ['iot', 'cloud'],
      vendors: [{ name: 'ShelfSense', service: 'Sensor platform', dataShared: 'Stock levels' }],
      budget: { amount: 2_000_000, currency: 'EUR' },
    }),
  },
  { who: 'salesHero', target: 'withdrawn', risky: false, body: base('Trade-show lead scanner', { technologies: ['mobile'] }) },
  {
    who: 'salesHero',
    target: 'awaiting_decision',
    risky: true,
    risk: 'medium',
    body: base('WhatsApp order updates', {
      technologies: ['social'],
      dataCategories: ['personal'],
      vendors: [{ name: 'MsgHub', service: 'WhatsApp Business API', dataShared: 'Phone number, order status' }],
    }),
  },
  {
    who: 'hero',
    target: 'awaiting_cosign',
    risky: true,
    risk: 'high',
    body: base('Personalised video offers', {
      technologies: ['video', 'ai'],
      dataCategories: ['personal'],
      vendors: [{ name: 'ClipGen', service: 'Generated video', dataShared: 'First name, purchase history' }],
    }),
  },
  { who: 'hero', target: 'approved', risky: false, body: base('Accessible store locator', { technologies: ['web'] }) },
  {
    who: 'salesHero',
    target: 'changes_requested',
    risky: false,
    body: base('Showroom appointment booking', { technologies: ['web', 'mobile'] }),
  },
  { who: 'hero', target: 'rejected', risky: false, body: base('Newsletter redesign', { technologies: ['web'] }) },
  { who: 'salesHero', target: 'in_delivery', risky: false, body: base('Partner portal FAQ search', { technologies: ['web', 'ai'] }) },
  { who: 'hero', target: 'launched', risky: false, body: base('Video answers to top ten questions', { technologies: ['video'] }) },
  { who: 'salesHero', target: 'retired', risky: false, body: base('Holiday promo microsite', { technologies: ['web'] }) },
];

/** The principals of the demo accounts and the services that move projects. */
export class DemoContext {
  constructor(
    readonly app: INestApplication,
    readonly people: Map<string, Principal>,
  ) {}

  as(email: string): Principal {
    const p = this.people.get(email);
    if (!p) throw new Error(`Demo account ${email} missing`);
    return p;
  }

  get lifecycle(): ProjectLifecycleService {
    return this.app.get(ProjectLifecycleService, { strict: false });
  }

  get assessments(): AssessmentsService {
    return this.app.get(AssessmentsService, { strict: false });
  }

  get submission(): AssessmentSubmissionService {
    return this.app.get(AssessmentSubmissionService, { strict: false });
  }

  get decisions(): DecisionsService {
    return this.app.get(DecisionsService, { strict: false });
  }

  get delivery(): DeliveryService {
    return this.app.get(DeliveryService, { strict: false });
  }

  get kpis(): KpisService {
    return this.app.get(KpisService, { strict: false });
  }
}

const EMAIL = { hero: 'hero@demo.local', salesHero: 'sales.hero@demo.local' } as const;

const ADVISOR = 'advisor@demo.local';
const DECIDER = 'manager@demo.local';
const CIO = 'cio@demo.local';

/** The advisor rates every dimension in scope: low, except one at the demo project's level. */
const assessStep =
  (risk: DemoProject['risk']): Step =>
  async (c, id) => {
    const draft = await c.assessments.create(c.as(ADVISOR), id, {});
    const [first] = draft.scope.map((d) => d.dimension);
    const factor = risk === 'high' ? 4 : 2;
    const ratings = draft.scope.map(({ dimension }) =>
      dimension === first && risk
        ? {
            dimension,
            likelihood: factor,
            impact: factor + 1,
            residualLikelihood: factor - 1,
            residualImpact: factor + 1,
            rationale: 'Customer data leaves the company through a new vendor.',
          }
        : { dimension, likelihood: 1, impact: 2, residualLikelihood: 1, residualImpact: 2 },
    );
    const updated = await c.assessments.update(c.as(ADVISOR), draft.id, draft.version, {
      ratings,
      recommendation: risk ? 'proceed_with_conditions' : 'proceed',
      summary: risk ? 'Worth doing with a data-processing agreement and a privacy notice.' : 'Low risk on a supported platform.',
      mitigations: risk ? [{ text: 'Sign the vendor data-processing agreement', owner: 'Legal' }] : [],
      proposedConditions: risk ? [{ text: 'The privacy notice is reviewed by the DPO before launch' }] : [],
    });
    await c.submission.submit(c.as(ADVISOR), updated.id);
  };

const decideStep =
  (outcome: 'approve' | 'reject' | 'request_changes'): Step =>
  async (c, id) =>
    void (await c.decisions.decide(c.as(DECIDER), id, {
      outcome,
      rationale:
        outcome === 'approve'
          ? 'Clear customer value at a small cost.'
          : outcome === 'reject'
            ? 'Overlaps with the group newsletter programme.'
            : 'Please add the opening hours of each showroom and resubmit.',
    }));

/** Steps from draft towards each state; a project runs the steps up to its target. */
function stepsTo(demo: DemoProject, proposer: string): Step[] {
  const submit: Step = async (c, id) => void (await c.lifecycle.submit(c.as(proposer), id));
  const assign: Step = async (c, id) => void (await c.lifecycle.assign(c.as(ADVISOR), id, {}));
  const ask: Step = async (c, id) =>
    void (await c.lifecycle.requestInfo(c.as(ADVISOR), id, { question: 'Which customer data will the vendor keep, and for how long?' }));
  const withdraw: Step = async (c, id) =>
    void (await c.lifecycle.withdraw(c.as(proposer), id, { reason: 'Superseded by a group-wide initiative' }));
  const cosign: Step = async (c, id) =>
    void (await c.decisions.cosign(c.as(CIO), id, { outcome: 'cosign', rationale: 'Mitigations are adequate.' }));
  const start: Step = async (c, id) => void (await c.delivery.startDelivery(c.as(proposer), id));
  const launch: Step = async (c, id) => void (await c.delivery.launch(c.as(proposer), id));
  const measure: Step = async (c, id) => {
    const { items } = await c.kpis.report(c.as(proposer), id);
    // Two monthly values, 60 and 30 days ago: fewer calls each month, on track towards the target.
    for (const [daysAgo, value] of [
      [60, 950],
      [30, 880],
    ]) {
      const measuredOn = new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
      await c.kpis.record(c.as(proposer), id, items[0].kpiId, { measuredOn, value, note: 'Monthly call-centre export' });
    }
  };
  const retire: Step = async (c, id) => void (await c.delivery.retire(c.as(proposer), id, 'The campaign ended.'));
  const assessed = [submit, assign, assessStep(demo.risk)];
  const approved = [...assessed, decideStep('approve'), ...(demo.risk === 'high' ? [cosign] : [])];
  const paths: Partial<Record<ProjectState, Step[]>> = {
    draft: [],
    submitted: [submit],
    in_review: [submit, assign],
    info_requested: [submit, assign, ask],
    withdrawn: [submit, withdraw],
    awaiting_decision: assessed,
    awaiting_cosign: [...assessed, decideStep('approve')],
    approved,
    changes_requested: [...assessed, decideStep('request_changes')],
    rejected: [...assessed, decideStep('reject')],
    in_delivery: [...approved, start],
    launched: [...approved, start, launch, measure],
    retired: [...approved, start, launch, retire],
  };
  const steps = paths[demo.target];
  if (!steps) throw new Error(`No demo path to ${demo.target}`);
  return steps;
}

export async function seedDemoProjects(app: INestApplication): Promise<number> {
  const dataSource = app.get<DataSource>(getDataSourceToken());
  const users = await dataSource.getRepository(User).find();
  const ctx = new DemoContext(app, new Map(users.map((u) => [u.email, userPrincipal(u)])));
  const compact = app.get(CompactService, { strict: false });
  const current = await compact.current();
  for (const principal of ctx.people.values()) await compact.acknowledge(principal, current.id);
  const intake = app.get(ProjectsIntakeService, { strict: false });
  const config = app.get(AppConfig);
  for (const demo of DEMO_PROJECTS) {
    const proposer = EMAIL[demo.who];
    const { id } = await intake.create(ctx.as(proposer), demo.body);
    const budgetAboveFastTrack = budgetAbove(demo.body.budget?.amount ?? 0, config.fastTrackBudgetLimit.amount);
    await intake.setSelfScreening(ctx.as(proposer), id, { ...(demo.risky ? RISKY : NO), budgetAboveFastTrack });
    for (const step of stepsTo(demo, proposer)) await step(ctx, id);
  }
  new Logger('DemoSeed').log(`Seeded ${DEMO_PROJECTS.length} demo projects`);
  return DEMO_PROJECTS.length;
}
