import { Link } from '../lib/router';

/** Link to the notifications, with the unread count once the notifications API is there. */
export function NotificationBell() {
  return (
    <Link to="/notifications" className="bell">
      Notifications
    </Link>
  );
}
