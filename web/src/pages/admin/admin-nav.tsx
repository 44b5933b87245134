import { Link, useLocation } from '../../lib/router';
import { useSession } from '../../lib/session';

const TABS = [
  { to: '/admin/users', label: 'Users', permission: 'user.manage' },
  { to: '/admin/org-units', label: 'Org units', permission: 'org_unit.manage' },
  { to: '/admin/api-keys', label: 'API keys', permission: 'api_key.manage' },
  { to: '/admin/webhooks', label: 'Webhooks', permission: 'webhook.manage' },
];

export function AdminNav() {
  const { path } = useLocation();
  const { can } = useSession();
  return (
    <nav aria-label="Administration" className="tabs">
      <ul>
        {TABS.filter((t) => can(t.permission)).map((t) => (
          <li key={t.to}>
            <Link to={t.to} aria-current={path.startsWith(t.to) ? 'page' : undefined}>
              {t.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
