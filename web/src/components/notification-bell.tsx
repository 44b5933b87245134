import { useI18n } from '../i18n/use-i18n';
import { Link, useLocation } from '../lib/router';
import { useUnreadCount } from '../lib/unread';

/** Link to the notifications with the unread count (in words for screen readers). */
export function NotificationBell() {
  const { path } = useLocation();
  const count = useUnreadCount(path);
  const { t } = useI18n();
  return (
    <Link to="/notifications" className="bell" aria-current={path === '/notifications' ? 'page' : undefined}>
      {t('nav.notifications')}
      {count ? (
        <span className="unread" aria-label={t('nav.unread', { count })}>
          {count}
        </span>
      ) : null}
    </Link>
  );
}
