import { useState, type ReactNode } from 'react';
import type { PlainKey } from '../i18n/catalog';
import { useI18n } from '../i18n/use-i18n';
import { Link, navigate, useLocation } from '../lib/router';
import { useSession } from '../lib/session';
import { LanguageMenu } from './language-menu';
import { NotificationBell } from './notification-bell';

interface NavItem {
  to: string;
  label: PlainKey;
  show: (can: (p: string) => boolean) => boolean;
}

const NAV: NavItem[] = [
  { to: '/', label: 'nav.myProjects', show: () => true },
  { to: '/queue', label: 'nav.queue', show: (can) => can('assessment.write') },
  { to: '/inbox', label: 'nav.inbox', show: (can) => can('project.decide') },
  { to: '/cosign', label: 'nav.cosign', show: (can) => can('project.cosign') },
  { to: '/portfolio', label: 'nav.portfolio', show: (can) => can('report.read') },
  { to: '/compact', label: 'nav.compact', show: () => true },
  {
    to: '/admin/users',
    label: 'nav.admin',
    show: (can) => can('user.manage') || can('org_unit.manage') || can('api_key.manage') || can('webhook.manage'),
  },
];

/** Which menu entry a page belongs to: a project's assessment, decision and co-sign pages belong to their queues. */
function isCurrent(to: string, path: string): boolean {
  const section = path.endsWith('/assessment')
    ? '/queue'
    : path.endsWith('/decide')
      ? '/inbox'
      : path.endsWith('/cosign') && path !== '/cosign'
        ? '/cosign'
        : path.startsWith('/projects')
          ? '/'
          : path.startsWith('/admin')
            ? '/admin/users'
            : path;
  return to === '/' ? section === '/' : section === to || section.startsWith(`${to}/`);
}

/** Header (skip link, navigation by permission, notifications, account) around every signed-in page. */
export function Layout({ children }: { children: ReactNode }) {
  const { me, can, signOut } = useSession();
  const { t, term } = useI18n();
  const { path } = useLocation();
  // The narrow-screen menu closes by itself on navigation: it is open for one path only.
  const [menuOpenAt, setMenuOpenAt] = useState<string | null>(null);
  const menuOpen = menuOpenAt === path;
  if (!me) return null;
  const items = NAV.filter((item) => item.show(can));
  const roles = me.roles.filter((r) => r !== 'hero' || me.roles.length === 1).map((r) => term('role', r));

  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="top">
        <div className="top-inner">
          <Link to="/" className="brand">
            <span className="brand-mark" aria-hidden="true">
              HC
            </span>
            {t('app.name')}
          </Link>
          <button
            type="button"
            className="menu-toggle"
            aria-expanded={menuOpen}
            aria-controls="main-nav"
            onClick={() => setMenuOpenAt(menuOpen ? null : path)}
          >
            {t('nav.menu')}
          </button>
          <nav id="main-nav" aria-label={t('nav.label')} className={menuOpen ? 'open' : undefined}>
            <ul>
              {items.map((item) => (
                <li key={item.to}>
                  <Link to={item.to} aria-current={isCurrent(item.to, path) ? 'page' : undefined}>
                    {t(item.label)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <div className="account">
            {can('notification.read') ? <NotificationBell /> : null}
            <LanguageMenu className="in-header" />
            <span className="who">
              <span className="who-name">{me.displayName}</span>
              <span className="who-roles">{roles.join(', ')}</span>
            </span>
            <button
              type="button"
              className="link-button"
              onClick={() => {
                void signOut().then(() => navigate('/', { replace: true }));
              }}
            >
              {t('nav.signOut')}
            </button>
          </div>
        </div>
      </header>
      <main id="main" className="page">
        {children}
      </main>
    </>
  );
}

export function PageHeader({ title, children, eyebrow }: { title: string; eyebrow?: ReactNode; children?: ReactNode }) {
  return (
    <div className="page-header">
      <div>
        {eyebrow ? <p className="eyebrow">{eyebrow}</p> : null}
        <h1>{title}</h1>
      </div>
      {children ? <div className="page-actions">{children}</div> : null}
    </div>
  );
}

export function Loading({ what }: { what?: string }) {
  const { t } = useI18n();
  return (
    <p className="loading" role="status">
      {what ?? t('app.loading')}…
    </p>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}
