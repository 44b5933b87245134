import { api } from '../api/client';
import { ProblemSummary } from '../components/fields';
import { Loading, PageHeader } from '../components/layout';
import { ProjectTable } from '../components/project-table';
import { Link, usePageTitle } from '../lib/router';
import { useSession } from '../lib/session';
import { useLoad } from '../lib/use-load';
import { CompactReminder } from './compact-reminder';

/** Home: the projects I propose or work on, and what waits for me in my other roles. */
export function MyProjectsPage() {
  usePageTitle('My projects');
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
      <PageHeader title="My projects">
        {can('project.create') ? (
          <Link to="/projects/new" className="button primary">
            New project
          </Link>
        ) : null}
      </PageHeader>
      <CompactReminder />
      {waiting.data && (waiting.data.queue || waiting.data.inbox || waiting.data.cosign) ? (
        <ul className="tiles" aria-label="Waiting for you">
          {waiting.data.queue ? (
            <li>
              <Link to="/queue">
                <strong>{waiting.data.queue}</strong> to assess
              </Link>
            </li>
          ) : null}
          {waiting.data.inbox ? (
            <li>
              <Link to="/inbox">
                <strong>{waiting.data.inbox}</strong> awaiting your decision
              </Link>
            </li>
          ) : null}
          {waiting.data.cosign ? (
            <li>
              <Link to="/cosign">
                <strong>{waiting.data.cosign}</strong> to co-sign
              </Link>
            </li>
          ) : null}
        </ul>
      ) : null}
      <ProblemSummary problem={mine.problem} />
      {mine.loading && !mine.data ? (
        <Loading what="Loading your projects" />
      ) : (
        <ProjectTable
          projects={mine.data?.items ?? []}
          caption="Projects I propose or work on"
          empty="You have no projects yet. Propose one: describe the customer problem and the task it improves."
        />
      )}
    </>
  );
}
