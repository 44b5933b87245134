import { useState } from 'react';
import { api } from '../api/client';
import type { ProjectSummaryDto } from '../api/generated/api';
import { ProblemSummary } from '../components/fields';
import { Loading, PageHeader } from '../components/layout';
import { ProjectTable } from '../components/project-table';
import { formatDate } from '../lib/format';
import { usePageTitle } from '../lib/router';
import { useSession } from '../lib/session';
import { useAction, useLoad } from '../lib/use-load';
import { CompactReminder } from './compact-reminder';

/** IT advisor / CIO: projects assigned to me, and submitted projects nobody has picked up yet. */
export function AdvisorQueuePage() {
  usePageTitle('Advisor queue');
  const { can } = useSession();
  const mine = useLoad(
    () => api.projects.projectsList({ assignedToMe: true, state: 'in_review,info_requested', limit: 100, sort: 'createdAt' }),
    [],
  );
  const open = useLoad(() => api.projects.projectsList({ unassigned: true, state: 'submitted', limit: 100, sort: 'createdAt' }), []);
  const [picked, setPicked] = useState<string>();
  const assign = useAction(async (p: ProjectSummaryDto) => {
    await api.projects.projectActionsAssign({ id: p.id }, {});
    setPicked(p.title);
    mine.reload();
    open.reload();
  });

  return (
    <>
      <PageHeader title="Advisor queue" />
      <CompactReminder />
      <section aria-labelledby="mine-title">
        <h2 id="mine-title">Assigned to me</h2>
        <ProblemSummary problem={mine.problem} />
        {!mine.data ? (
          <Loading />
        ) : (
          <ProjectTable
            projects={mine.data.items}
            caption="Projects assigned to me"
            empty="Nothing assigned to you."
            linkSuffix="/assessment"
          />
        )}
      </section>
      <section aria-labelledby="open-title">
        <h2 id="open-title">Waiting for an advisor</h2>
        <ProblemSummary problem={assign.problem ?? open.problem} />
        {picked ? (
          <p role="status" className="ok">
            You now advise on “{picked}”.
          </p>
        ) : null}
        {!open.data ? (
          <Loading />
        ) : (
          <ProjectTable
            projects={open.data.items}
            caption="Submitted projects without an advisor"
            empty="No submitted project is waiting."
            extra={{
              header: 'Submitted',
              cell: (p) => (
                <>
                  {formatDate(p.submittedAt)}{' '}
                  {can('project.assign_self') ? (
                    <button
                      type="button"
                      className="small"
                      aria-label={`Take it: ${p.title}`}
                      disabled={assign.pending}
                      onClick={() => void assign.run(p)}
                    >
                      Take it
                    </button>
                  ) : null}
                </>
              ),
            }}
          />
        )}
      </section>
    </>
  );
}

/** Manager: projects in my units, within my approval limit, awaiting my decision. */
export function ManagerInboxPage() {
  usePageTitle('Decisions');
  const inbox = useLoad(() => api.projects.projectsList({ awaitingMyDecision: true, limit: 100, sort: 'createdAt' }), []);
  return (
    <>
      <PageHeader title="Awaiting my decision" />
      <CompactReminder />
      <p className="lead">Decide within 3 business days. Value and effort are the HERO’s own case; the risk is the advisor’s assessment.</p>
      <ProblemSummary problem={inbox.problem} />
      {!inbox.data ? (
        <Loading />
      ) : (
        <ProjectTable
          projects={inbox.data.items}
          caption="Projects awaiting my decision"
          empty="Nothing awaits your decision."
          linkSuffix="/decide"
        />
      )}
    </>
  );
}

/** CIO: approvals of high or critical risk that wait for the co-signature. */
export function CosignQueuePage() {
  usePageTitle('Co-sign');
  const queue = useLoad(() => api.projects.projectsList({ state: 'awaiting_cosign', limit: 100, sort: 'createdAt' }), []);
  return (
    <>
      <PageHeader title="Awaiting my co-signature" />
      <CompactReminder />
      <p className="lead">A manager approved these projects; their overall risk is high or critical, so the approval needs the CIO too.</p>
      <ProblemSummary problem={queue.problem} />
      {!queue.data ? (
        <Loading />
      ) : (
        <ProjectTable
          projects={queue.data.items}
          caption="Approvals awaiting co-signature"
          empty="No approval awaits your co-signature."
          linkSuffix="/cosign"
        />
      )}
    </>
  );
}
