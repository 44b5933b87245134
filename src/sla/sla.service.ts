import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AppConfig } from '../config/app-config';
import { SYSTEM_ACTOR } from '../identity/auth/principal';
import { projectSnapshot, type ProjectRef } from '../notifications/domain-events';
import { DomainEvents } from '../notifications/domain-events.service';
import { JobQueue } from '../notifications/job-queue.service';
import { escalationKind, isBreached, nextManagerUp, shortestTarget, slaClock, TIMED_STATES, type SlaClock } from './sla-rules';

export const SLA_QUEUE = 'sla-scan';
const BATCH = 200;
/** At most BATCH × MAX_BATCHES projects per run; the next run carries on. */
const MAX_BATCHES = 50;
const DAY_MS = 86_400_000;

interface Candidate {
  id: string;
  state: string;
  entered: string;
  entered_at: Date;
  fast_track: boolean;
}

interface ProjectRow {
  id: string;
  reference: string;
  title: string;
  state: string;
  org_unit_id: string;
  proposer_id: string;
  assigned_advisor_id: string | null;
  risk_level: string | null;
  fast_track: boolean;
  budget_amount: string | null;
  budget_currency: string | null;
}

/**
 * SLA timers (DOMAIN.md §8). A pg-boss schedule runs `scan` (one firing per slot across every
 * instance); each breach is recorded in its own transaction with the audit event, the
 * `sla.breached` event and the escalation notifications. The unique (project, stage,
 * state_entered_at) index makes a breach count once even when two scans race.
 */
@Injectable()
export class SlaService implements OnModuleInit {
  private readonly logger = new Logger('Sla');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly jobs: JobQueue,
    private readonly events: DomainEvents,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.jobs.define<object>(SLA_QUEUE, {
      handler: async () => {
        const recorded = await this.scan();
        if (recorded > 0) this.logger.log(`SLA scan recorded ${recorded} breach(es)`);
      },
      retryLimit: 2,
      retryDelaySeconds: 30,
      expireInSeconds: 600,
      cron: this.config.sla.scanCron,
    });
  }

  /** Records every breach not recorded yet; returns how many this run recorded. */
  async scan(now: Date = new Date()): Promise<number> {
    const { targets, holidays } = this.config.sla;
    const calendar = new Set(holidays);
    // N business days span at least N calendar days: younger projects cannot be late yet.
    const enteredBefore = new Date(now.getTime() - shortestTarget(targets) * DAY_MS);
    let after = { entered: '-infinity', id: '00000000-0000-0000-0000-000000000000' };
    let recorded = 0;
    for (let batch = 0; batch < MAX_BATCHES; batch++) {
      const candidates = await this.candidates(enteredBefore, after);
      for (const c of candidates) {
        const clock = slaClock(c.state, new Date(c.entered_at), c.fast_track, targets, calendar);
        if (clock && isBreached(clock, now) && (await this.recordBreach(c, clock))) recorded++;
      }
      if (candidates.length < BATCH) break;
      const last = candidates[candidates.length - 1];
      after = { entered: last.entered, id: last.id };
    }
    return recorded;
  }

  private candidates(enteredBefore: Date, after: { entered: string; id: string }): Promise<Candidate[]> {
    // state_changed_at travels as text so the keyset keeps PostgreSQL's microseconds.
    return this.dataSource.query<Candidate[]>(
      `SELECT p.id, p.state, p.state_changed_at::text AS entered, p.state_changed_at AS entered_at, p.fast_track FROM project p
       WHERE p.state = ANY($1) AND p.state_changed_at < $2 AND (p.state_changed_at, p.id) > ($3::timestamptz, $4::uuid)
         AND NOT EXISTS (SELECT 1 FROM sla_breach b WHERE b.project_id = p.id AND b.state_entered_at = p.state_changed_at AND b.stage =
           CASE p.state WHEN 'submitted' THEN 'assignment' WHEN 'in_review' THEN 'assessment' WHEN 'awaiting_decision' THEN 'decision' ELSE 'cosign' END)
       ORDER BY p.state_changed_at, p.id LIMIT $5`,
      [TIMED_STATES, enteredBefore, after.entered, after.id, BATCH],
    );
  }

  private recordBreach(c: Candidate, clock: SlaClock): Promise<boolean> {
    return this.dataSource.transaction(async (em) => {
      // Still in the same visit of the same state? (It may have moved on since the scan read it.)
      const [p] = await em.query<ProjectRow[]>(
        `SELECT id, reference, title, state, org_unit_id, proposer_id, assigned_advisor_id, risk_level, fast_track, budget_amount, budget_currency
         FROM project WHERE id = $1 AND state = $2 AND state_changed_at = $3::timestamptz FOR SHARE`,
        [c.id, c.state, c.entered],
      );
      if (!p) return false;
      const escalatedTo = await this.escalationTargets(em, clock, p);
      const inserted = await em.query<{ id: string }[]>(
        `INSERT INTO sla_breach (project_id, stage, state_entered_at, due_at, target_business_days, escalated_to)
         VALUES ($1, $2, $3::timestamptz, $4, $5, $6::uuid[]) ON CONFLICT (project_id, stage, state_entered_at) DO NOTHING RETURNING id`,
        [p.id, clock.stage, c.entered, clock.dueAt, clock.targetBusinessDays, escalatedTo],
      );
      if (inserted.length === 0) return false;
      const ref = this.refOf(p);
      const data = {
        stage: clock.stage,
        targetBusinessDays: clock.targetBusinessDays,
        stateEnteredAt: new Date(c.entered_at).toISOString(),
        dueAt: clock.dueAt.toISOString(),
        escalatedTo,
      };
      await this.audit.record(em, {
        actor: SYSTEM_ACTOR,
        action: 'sla.breach',
        entityType: 'project',
        entityId: p.id,
        projectId: p.id,
        after: data,
      });
      await this.events.publish(em, {
        type: 'sla.breached',
        actor: SYSTEM_ACTOR,
        project: ref,
        data: { ...data, project: projectSnapshot(ref) },
        notify: escalatedTo,
      });
      return true;
    });
  }

  /** The CIO, or for a late decision the next manager up (the CIO when there is none). */
  private async escalationTargets(em: EntityManager, clock: SlaClock, p: ProjectRow): Promise<string[]> {
    if (escalationKind(clock.stage) === 'next_manager_up') {
      const managers = await em.query<{ id: string; depth: number; limit: string | null; currency: string | null; conflicted: boolean }[]>(
        `SELECT u.id, mu.depth, u.approval_limit_amount AS "limit", u.approval_limit_currency AS currency,
           (u.id = $2 OR u.id = $3 OR EXISTS (SELECT 1 FROM project_team_member tm WHERE tm.project_id = $4 AND tm.user_id = u.id)) AS conflicted
         FROM app_user u JOIN org_unit mu ON mu.id = u.org_unit_id JOIN org_unit pu ON pu.id = $1
         WHERE u.status = 'active' AND 'manager' = ANY(u.roles) AND pu.path LIKE mu.path || '%'`,
        [p.org_unit_id, p.proposer_id, p.assigned_advisor_id, p.id],
      );
      const up = nextManagerUp(
        managers.map((m) => ({ userId: m.id, depth: m.depth, canApprove: !m.conflicted && this.limitCovers(m.limit, m.currency, p) })),
      );
      if (up.length > 0) return up;
    }
    const cios = await em.query<{ id: string }[]>(`SELECT id FROM app_user WHERE status = 'active' AND 'cio' = ANY(roles) ORDER BY id`);
    return cios.map((r) => r.id);
  }

  private limitCovers(limit: string | null, currency: string | null, p: ProjectRow): boolean {
    if (p.budget_amount === null) return true;
    return limit !== null && currency === p.budget_currency && BigInt(limit) >= BigInt(p.budget_amount);
  }

  private refOf(p: ProjectRow): ProjectRef {
    return {
      id: p.id,
      reference: p.reference,
      title: p.title,
      state: p.state,
      orgUnitId: p.org_unit_id,
      proposerId: p.proposer_id,
      assignedAdvisorId: p.assigned_advisor_id,
      riskLevel: p.risk_level,
      fastTrack: p.fast_track,
    };
  }
}
