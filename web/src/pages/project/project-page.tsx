import { useState } from 'react';
import { api } from '../../api/client';
import type { ProjectDto } from '../../api/generated/api';
import { FastTrackBadge, RiskBadge, StateBadge } from '../../components/badges';
import { ProblemSummary } from '../../components/fields';
import { Loading, PageHeader } from '../../components/layout';
import { useI18n } from '../../i18n/use-i18n';
import { usePageTitle } from '../../lib/router';
import { useLoad } from '../../lib/use-load';
import { ScreeningResult } from '../new-project/screening';
import { ActionBar } from './action-bar';
import { AssessmentSummary } from './assessment-summary';
import { Attachments } from './attachments';
import { Comments } from './comments';
import { Conditions } from './conditions';
import { DecisionRecord } from './decision-record';
import { ProjectDetails } from './details';
import { Kpis } from './kpis';
import { Reviews } from './reviews';
import { Support } from './support';
import { Timeline } from './timeline';

/** One project: state, what the caller may do now, the proposal, the risk advice, the decision, and the history. */
export function ProjectPage({ id }: { id: string }) {
  const { t, fmt } = useI18n();
  const project = useLoad(() => api.projects.projectsGet({ id }), [id]);
  const [refreshKey, setRefreshKey] = useState(0);
  usePageTitle(project.data?.title ?? t('table.project'));
  if (project.problem && !project.data) return <ProblemSummary problem={project.problem} title={t('problem.cannotShowProject')} />;
  if (!project.data) return <Loading what={t('project.loading')} />;
  const p = project.data;
  const changed = (updated: ProjectDto): void => {
    project.set(updated);
    setRefreshKey((k) => k + 1);
  };
  // A condition or a measurement changes what the project allows (launch) and its history.
  const refresh = (): void => {
    project.reload();
    setRefreshKey((k) => k + 1);
  };

  return (
    <>
      <PageHeader title={p.title} eyebrow={`${p.reference} · ${p.orgUnit.name}`}>
        <StateBadge state={p.state} /> <RiskBadge level={p.riskLevel} /> <FastTrackBadge fastTrack={p.fastTrack} />
      </PageHeader>
      <ActionBar project={p} onChanged={changed} />
      <div className="project-grid">
        <div className="project-main">
          <section className="card" aria-labelledby="proposal-title">
            <h2 id="proposal-title">{t('project.proposal')}</h2>
            {p.summary ? <p className="lead">{p.summary}</p> : null}
            <ProjectDetails project={p} />
            {p.kpis.length ? (
              <>
                <h3>{t('kpis.title')}</h3>
                <ul>
                  {p.kpis.map((k) => (
                    <li key={k.id}>
                      {t(k.direction === 'increase' ? 'project.kpiHigher' : 'project.kpiLower', {
                        name: k.name,
                        baseline: fmt.number(k.baseline),
                        target: fmt.number(k.target),
                        unit: k.unit,
                      })}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            <ScreeningResult project={p} />
          </section>
          <DecisionRecord project={p} refreshKey={refreshKey} />
          <Conditions project={p} refreshKey={refreshKey} onChanged={refresh} />
          <Attachments project={p} refreshKey={refreshKey} onChanged={refresh} />
          <Kpis project={p} refreshKey={refreshKey} onChanged={refresh} />
          <Reviews project={p} refreshKey={refreshKey} onChanged={refresh} />
          <AssessmentSummary project={p} refreshKey={refreshKey} />
        </div>
        <aside className="project-side">
          <Support project={p} onChanged={refresh} />
          <section className="card" aria-labelledby="timeline-title">
            <h2 id="timeline-title">{t('timeline.title')}</h2>
            <Timeline projectId={p.id} refreshKey={refreshKey} />
          </section>
          <section className="card" aria-labelledby="comments-title">
            <h2 id="comments-title">{t('comments.title')}</h2>
            <Comments projectId={p.id} refreshKey={refreshKey} canPost />
          </section>
        </aside>
      </div>
    </>
  );
}
