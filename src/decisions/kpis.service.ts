import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { NotFoundProblem, ProblemError, ValidationProblem } from '../common/problem/problem';
import { actorOf, type Principal } from '../identity/auth/principal';
import type { Project } from '../projects/entities/project.entity';
import { DomainEvents } from '../notifications/domain-events.service';
import { ProjectAccess } from '../projects/project-access';
import { isIsoDate, isoDay } from './calendar';
import { KpiReportDto, KpiReportItemDto, MeasurementDto, MeasurementInputDto } from './dto/kpi.dto';
import { KpiMeasurement } from './entities/kpi-measurement.entity';
import { kpiProgress, wentOffTrack, type KpiStatus } from './kpi-tracking';

/** States in which a project is measured: from delivery (a pilot, a baseline) through its life. */
export const MEASURABLE_STATES = ['in_delivery', 'launched'];
const RECENT = 10;

interface RecentRow {
  id: string;
  kpiId: string;
  measuredOn: string;
  value: string;
  note: string;
  recordedByType: 'user' | 'api_key';
  recordedByName: string;
  recordedAt: Date;
  count: string;
}

const toMeasurementDto = (m: RecentRow | KpiMeasurement): MeasurementDto => ({
  id: m.id,
  kpiId: m.kpiId,
  measuredOn: m.measuredOn,
  value: Number(m.value),
  note: m.note,
  recordedByType: m.recordedByType,
  recordedByName: m.recordedByName,
  recordedAt: m.recordedAt.toISOString(),
});

/** KPI measurements and where each KPI stands (DOMAIN.md §7). */
@Injectable()
export class KpisService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ProjectAccess,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
  ) {}

  async report(principal: Principal, projectId: string): Promise<KpiReportDto> {
    const em = this.dataSource.manager;
    const project = await this.access.findVisible(principal, projectId, em);
    return { projectId, items: await this.items(em, project) };
  }

  /**
   * Per KPI: its 10 most recent measurements and how many there are, in one windowed query — a
   * project's history is never loaded whole.
   */
  async items(em: EntityManager, project: Project): Promise<KpiReportItemDto[]> {
    const rows = await em.query<RecentRow[]>(
      `SELECT * FROM (
         SELECT m.id, m.kpi_id AS "kpiId", m.measured_on::text AS "measuredOn", m.value::text AS value, m.note,
                m.recorded_by_type AS "recordedByType", m.recorded_by_name AS "recordedByName", m.recorded_at AS "recordedAt",
                count(*) OVER (PARTITION BY m.kpi_id) AS count,
                row_number() OVER (PARTITION BY m.kpi_id ORDER BY m.measured_on DESC, m.recorded_at DESC) AS rn
         FROM kpi_measurement m WHERE m.project_id = $1) recent
       WHERE rn <= $2 ORDER BY "kpiId", rn`,
      [project.id, RECENT],
    );
    return (project.kpis ?? []).map((k) => {
      const mine = rows.filter((r) => r.kpiId === k.id).map(toMeasurementDto);
      const definition = { baseline: Number(k.baseline), target: Number(k.target), direction: k.direction };
      const progress = kpiProgress(definition, mine);
      return {
        kpiId: k.id,
        name: k.name,
        unit: k.unit,
        ...definition,
        latest: mine[0] ?? null,
        previousValue: progress.previous?.value ?? null,
        trend: progress.trend,
        progress: progress.progress,
        targetMet: progress.targetMet,
        status: progress.status,
        measurementCount: Number(rows.find((r) => r.kpiId === k.id)?.count ?? 0),
        recent: mine,
      };
    });
  }

  async record(principal: Principal, projectId: string, kpiId: string, dto: MeasurementInputDto): Promise<KpiReportItemDto> {
    return this.dataSource.transaction(async (em) => {
      // Shared lock: measurements never land on a project being retired at the same moment.
      await em.query('SELECT 1 FROM project WHERE id = $1 FOR SHARE', [projectId]);
      const project = await this.access.findVisible(principal, projectId, em);
      await this.assertMayMeasure(em, principal, project);
      if (!project.kpis.some((k) => k.id === kpiId)) throw new NotFoundProblem('KPI');
      if (!isIsoDate(dto.measuredOn) || dto.measuredOn > isoDay()) {
        throw new ValidationProblem([{ field: 'measuredOn', message: `measuredOn must be a date no later than today (${isoDay()})` }]);
      }
      const before = (await this.items(em, project)).find((i) => i.kpiId === kpiId)!;
      const actor = actorOf(principal);
      const repo = em.getRepository(KpiMeasurement);
      const saved = await repo.save(
        repo.create({
          projectId,
          kpiId,
          measuredOn: dto.measuredOn,
          value: String(dto.value),
          note: dto.note?.trim() ?? '',
          recordedByType: principal.type,
          recordedById: principal.id,
          recordedByName: actor.name,
        }),
      );
      const after = (await this.items(em, project)).find((i) => i.kpiId === kpiId)!;
      await this.audit.record(em, {
        actor,
        action: 'kpi.measure',
        entityType: 'kpi_measurement',
        entityId: saved.id,
        projectId,
        after: { kpiId, measuredOn: saved.measuredOn, value: Number(saved.value), note: saved.note, status: after.status },
      });
      // §7: a KPI that goes off track notifies the team and the managers and emits kpi.off_track.
      if (wentOffTrack(before.status as KpiStatus, after.status as KpiStatus)) {
        await this.audit.record(em, {
          actor,
          action: 'kpi.off_track',
          entityType: 'project_kpi',
          entityId: kpiId,
          projectId,
          before: { status: before.status },
          after: { status: after.status, latest: after.latest?.value ?? null, target: after.target },
        });
        await this.events.publish(em, {
          type: 'kpi.off_track',
          actor,
          project,
          // docs/webhooks.md "condition.updated and kpi.off_track".
          data: {
            kpi: {
              id: kpiId,
              name: after.name,
              unit: after.unit,
              baseline: after.baseline,
              target: after.target,
              direction: after.direction,
              latestValue: after.latest?.value ?? null,
              measuredOn: after.latest?.measuredOn ?? null,
            },
            trend: after.trend,
            progress: after.progress,
          },
        });
      }
      return after;
    });
  }

  /** Team members post measurements; an integration key posts for the projects it can see. */
  private async assertMayMeasure(em: EntityManager, principal: Principal, project: Project): Promise<void> {
    if (principal.type === 'user') {
      const relations = await this.access.relationsOf(principal, project, em);
      if (!relations.has('proposer') && !relations.has('team_member')) {
        throw new ProblemError(403, 'forbidden', 'Not allowed', 'Only the proposer and the team post KPI measurements.');
      }
    }
    if (!MEASURABLE_STATES.includes(project.state)) {
      throw new ProblemError(
        409,
        'project-not-measurable',
        'Project not measured now',
        `A project in state ${project.state} takes no KPI measurements.`,
        {
          measurableStates: MEASURABLE_STATES,
        },
      );
    }
  }
}
