import { useState } from 'react';
import { api } from '../api/client';
import type { ProjectSummaryDto } from '../api/generated/api';
import { ProblemSummary } from '../components/fields';
import { Loading, PageHeader } from '../components/layout';
import { ProjectTable } from '../components/project-table';
import { useI18n } from '../i18n/use-i18n';
import { usePageTitle } from '../lib/router';
import { useSession } from '../lib/session';
import { useAction, useLoad } from '../lib/use-load';
import { CompactReminder } from './compact-reminder';

/** IT advisor / CIO: projects assigned to me, and submitted projects nobody has picked up yet. */
export function AdvisorQueuePage() {
  const { t, fmt } = useI18n();
  usePageTitle(t('nav.queue'));
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
      <PageHeader title={t('nav.queue')} />
      <CompactReminder />
      <section aria-labelledby="mine-title">
        <h2 id="mine-title">{t('queue.mine')}</h2>
        <ProblemSummary problem={mine.problem} />
        {!mine.data ? (
          <Loading />
        ) : (
          <ProjectTable projects={mine.data.items} caption={t('queue.mineCaption')} empty={t('queue.mineEmpty')} linkSuffix="/assessment" />
        )}
      </section>
      <section aria-labelledby="open-title">
        <h2 id="open-title">{t('queue.open')}</h2>
        <ProblemSummary problem={assign.problem ?? open.problem} />
        {picked ? (
          <p role="status" className="ok">
            {t('queue.picked', { title: picked })}
          </p>
        ) : null}
        {!open.data ? (
          <Loading />
        ) : (
          <ProjectTable
            projects={open.data.items}
            caption={t('queue.openCaption')}
            empty={t('queue.openEmpty')}
            extra={{
              header: t('queue.submitted'),
              cell: (p) => (
                <>
                  {fmt.date(p.submittedAt)}{' '}
                  {can('project.assign_self') ? (
                    <button
                      type="button"
                      className="small"
                      aria-label={t('queue.takeOf', { title: p.title })}
                      disabled={assign.pending}
                      onClick={() => void assign.run(p)}
                    >
                      {t('queue.take')}
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
  const { t } = useI18n();
  usePageTitle(t('nav.inbox'));
  const inbox = useLoad(() => api.projects.projectsList({ awaitingMyDecision: true, limit: 100, sort: 'createdAt' }), []);
  return (
    <>
      <PageHeader title={t('inbox.title')} />
      <CompactReminder />
      <p className="lead">{t('inbox.lead')}</p>
      <ProblemSummary problem={inbox.problem} />
      {!inbox.data ? (
        <Loading />
      ) : (
        <ProjectTable projects={inbox.data.items} caption={t('inbox.caption')} empty={t('inbox.empty')} linkSuffix="/decide" />
      )}
    </>
  );
}

/** CIO: approvals of high or critical risk that wait for the co-signature. */
export function CosignQueuePage() {
  const { t } = useI18n();
  usePageTitle(t('nav.cosign'));
  const queue = useLoad(() => api.projects.projectsList({ state: 'awaiting_cosign', limit: 100, sort: 'createdAt' }), []);
  return (
    <>
      <PageHeader title={t('cosignQueue.title')} />
      <CompactReminder />
      <p className="lead">{t('cosignQueue.lead')}</p>
      <ProblemSummary problem={queue.problem} />
      {!queue.data ? (
        <Loading />
      ) : (
        <ProjectTable projects={queue.data.items} caption={t('cosignQueue.caption')} empty={t('cosignQueue.empty')} linkSuffix="/cosign" />
      )}
    </>
  );
}
