import { Link, useLocation } from '../lib/router';
import { useUnreadCount } from '../lib/unread';

/** Link to the notifications with the unread count (in words for screen readers). */
export function NotificationBell() {
  const { path } = useLocation();
  const count = useUnreadCount(path);
  return (
    <Link to="/notifications" className="bell" aria-current={path === '/notifications' ? 'page' : undefined}>
      Notifications
      {count ? (
        <span className="unread" aria-label={`${count} unread`}>
          {count}
        </span>
      ) : null}
    </Link>
  );
}
