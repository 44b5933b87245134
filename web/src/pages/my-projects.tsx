import { api } from '../api/client';
import { ProblemSummary } from '../components/fields';
import { Loading, PageHeader } from '../components/layout';
import { ProjectTable } from '../components/project-table';
import { useI18n } from '../i18n/use-i18n';
import { Link, usePageTitle } from '../lib/router';
import { useSession } from '../lib/session';
import { useLoad } from '../lib/use-load';
import { CompactReminder } from './compact-reminder';

/** Home: the projects I propose or work on, and what waits for me in my other roles. */
export function MyProjectsPage() {
  const { t, rich } = useI18n();
  usePageTitle(t('nav.myProjects'));
  const { can } = useSession();
  const mine = useLoad(() => api.projects.projectsList({ mine: true, limit: 100, sort: '-updatedAt' }), []);
  const waiting = useLoad(async () => {
    const [queue, inbox, cosign] = await Promise.all([
      can('assessment.write') ? api.projects.projectsList({ assignedToMe: true, state: 'in_review,info_requested', limit: 100 }) : null,
      can('project.decide') ? api.projects.projectsList({ awaitingMyDecision: true, limit: 100 }) : null,
      can('project.cosign') ? api.projects.projectsList({ state: 'awaiting_cosign', limit: 100 }) : null,
    ]);
    return { queue: queue?.items.length, inbox: inbox?.items.length, cosign: cosign?.items.length };
  }, []);

  return (
    <>
      <PageHeader title={t('nav.myProjects')}>
        {can('project.create') ? (
          <Link to="/projects/new" className="button primary">
            {t('home.newProject')}
          </Link>
        ) : null}
      </PageHeader>
      <CompactReminder />
      {waiting.data && (waiting.data.queue || waiting.data.inbox || waiting.data.cosign) ? (
        <ul className="tiles" aria-label={t('home.waiting')}>
          {waiting.data.queue ? (
            <li>
              <Link to="/queue">{rich('home.toAssess', { count: <strong>{waiting.data.queue}</strong> })}</Link>
            </li>
          ) : null}
          {waiting.data.inbox ? (
            <li>
              <Link to="/inbox">{rich('home.toDecide', { count: <strong>{waiting.data.inbox}</strong> })}</Link>
            </li>
          ) : null}
          {waiting.data.cosign ? (
            <li>
              <Link to="/cosign">{rich('home.toCosign', { count: <strong>{waiting.data.cosign}</strong> })}</Link>
            </li>
          ) : null}
        </ul>
      ) : null}
      <ProblemSummary problem={mine.problem} />
      {mine.loading && !mine.data ? (
        <Loading what={t('home.loading')} />
      ) : (
        <ProjectTable projects={mine.data?.items ?? []} caption={t('home.caption')} empty={t('home.empty')} />
      )}
    </>
  );
}
