import { useState } from 'react';
import { api } from '../api/client';
import type { NotificationDto } from '../api/generated/api';
import { ProblemSummary } from '../components/fields';
import { Empty, Loading, PageHeader } from '../components/layout';
import { useI18n } from '../i18n/use-i18n';
import { Link, usePageTitle } from '../lib/router';
import { notificationsChanged } from '../lib/unread';
import { useAction, useLoad } from '../lib/use-load';

export function NotificationsPage() {
  const { t, fmt } = useI18n();
  usePageTitle(t('notifications.title'));
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = useLoad(() => api.notify.notificationsList({ limit: 50, ...(unreadOnly ? { unread: true } : {}) }), [unreadOnly]);
  const markRead = useAction(async (n: NotificationDto) => {
    await api.notify.notificationsMarkRead({ id: n.id });
    list.reload();
    notificationsChanged();
  });
  const markAll = useAction(async () => {
    for (const n of list.data?.items.filter((i) => !i.readAt) ?? []) await api.notify.notificationsMarkRead({ id: n.id });
    list.reload();
    notificationsChanged();
  });
  const unread = list.data?.items.filter((n) => !n.readAt).length ?? 0;

  return (
    <>
      <PageHeader title={t('notifications.title')}>
        <label className="checkbox">
          <input type="checkbox" checked={unreadOnly} onChange={(e) => setUnreadOnly(e.target.checked)} /> {t('notifications.unreadOnly')}
        </label>
        {unread ? (
          <button type="button" disabled={markAll.pending} onClick={() => void markAll.run()}>
            {t('notifications.markAll')}
          </button>
        ) : null}
      </PageHeader>
      <ProblemSummary problem={list.problem ?? markRead.problem ?? markAll.problem} />
      {!list.data ? (
        <Loading />
      ) : list.data.items.length === 0 ? (
        <Empty>{unreadOnly ? t('notifications.noneUnread') : t('notifications.none')}</Empty>
      ) : (
        <ul className="notifications card">
          {list.data.items.map((n) => (
            <li key={n.id} className={`notification${n.readAt ? '' : ' unread-item'}`}>
              <div>
                <p>
                  {n.readAt ? null : <span className="visually-hidden">{t('notifications.unreadPrefix')} </span>}
                  <strong>{n.title}</strong>
                </p>
                {n.body ? <p>{n.body}</p> : null}
                <p className="hint">
                  {fmt.dateTime(n.createdAt)}
                  {n.projectId ? (
                    <>
                      {' · '}
                      <Link to={`/projects/${n.projectId}`}>{t('notifications.open')}</Link>
                    </>
                  ) : null}
                </p>
              </div>
              {n.readAt ? null : (
                <button
                  type="button"
                  className="small"
                  aria-label={t('notifications.markReadOf', { title: n.title })}
                  disabled={markRead.pending}
                  onClick={() => void markRead.run(n)}
                >
                  {t('notifications.markRead')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
