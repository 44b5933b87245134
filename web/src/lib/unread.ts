import { useEffect, useState } from 'react';
import { api } from '../api/client';

/** Everyone showing the unread count refreshes when one of them changes it (marking read). */
const CHANGED = 'hero-compact:notifications-changed';
export const notificationsChanged = (): void => {
  window.dispatchEvent(new Event(CHANGED));
};

const POLL_MS = 30_000;

/** The unread notification count, polled while the tab is visible and refreshed on navigation. */
export function useUnreadCount(path: string): number | undefined {
  const [count, setCount] = useState<number>();
  useEffect(() => {
    let active = true;
    const load = (): void => {
      if (document.visibilityState === 'hidden') return;
      api.notify.notificationsUnreadCount().then(
        (r) => active && setCount(r.count),
        () => undefined,
      );
    };
    load();
    const timer = window.setInterval(load, POLL_MS);
    window.addEventListener(CHANGED, load);
    document.addEventListener('visibilitychange', load);
    return () => {
      active = false;
      window.clearInterval(timer);
      window.removeEventListener(CHANGED, load);
      document.removeEventListener('visibilitychange', load);
    };
  }, [path]);
  return count;
}
