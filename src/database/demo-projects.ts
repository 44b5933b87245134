import { INestApplication, Logger } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { CompactService } from '../compact/compact.service';
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
  { who: 'salesHero', target: 'submitted', risky: false, body: base('Showroom appointment booking', { technologies: ['web', 'mobile'] }) },
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
  { who: 'salesHero', target: 'in_review', risky: false, body: base('Video answers to top ten questions', { technologies: ['video'] }) },
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
  { who: 'hero', target: 'withdrawn', risky: false, body: base('Newsletter redesign', { technologies: ['web'] }) },
  {
    who: 'salesHero',
    target: 'in_review',
    risky: true,
    body: base('WhatsApp order updates', {
      technologies: ['social'],
      dataCategories: ['personal'],
      vendors: [{ name: 'MsgHub', service: 'WhatsApp Business API', dataShared: 'Phone number, order status' }],
    }),
  },
  { who: 'hero', target: 'submitted', risky: false, body: base('Accessible store locator', { technologies: ['web'] }) },
  { who: 'salesHero', target: 'draft', risky: false, body: base('Partner portal FAQ search', { technologies: ['web', 'ai'] }) },
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
}

const EMAIL = { hero: 'hero@demo.local', salesHero: 'sales.hero@demo.local' } as const;

/** Steps from draft towards each state, in order; a project runs the steps up to its target. */
const PATH: { reaches: ProjectState; step: (proposer: string) => Step }[] = [
  { reaches: 'submitted', step: (proposer) => async (c, id) => void (await c.lifecycle.submit(c.as(proposer), id)) },
  { reaches: 'in_review', step: () => async (c, id) => void (await c.lifecycle.assign(c.as('advisor@demo.local'), id, {})) },
  {
    reaches: 'info_requested',
    step: () => async (c, id) =>
      void (await c.lifecycle.requestInfo(c.as('advisor@demo.local'), id, {
        question: 'Which customer data will the vendor keep, and for how long?',
      })),
  },
];

function stepsTo(target: ProjectState, proposer: string): Step[] {
  if (target === 'draft') return [];
  if (target === 'withdrawn')
    return [
      PATH[0].step(proposer),
      async (c, id) => void (await c.lifecycle.withdraw(c.as(proposer), id, { reason: 'Superseded by a group-wide initiative' })),
    ];
  const upTo = PATH.findIndex((p) => p.reaches === target);
  if (upTo < 0) throw new Error(`No demo path to ${target}`);
  return PATH.slice(0, upTo + 1).map((p) => p.step(proposer));
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
    for (const step of stepsTo(demo.target, proposer)) await step(ctx, id);
  }
  new Logger('DemoSeed').log(`Seeded ${DEMO_PROJECTS.length} demo projects`);
  return DEMO_PROJECTS.length;
}
