import type { PlainKey } from '../../i18n/catalog';
import { useI18n } from '../../i18n/use-i18n';
import { Link, useLocation } from '../../lib/router';
import { useSession } from '../../lib/session';

const TABS: { to: string; label: PlainKey; permission: string }[] = [
  { to: '/admin/users', label: 'admin.users', permission: 'user.manage' },
  { to: '/admin/org-units', label: 'admin.orgUnits', permission: 'org_unit.manage' },
  { to: '/admin/api-keys', label: 'admin.apiKeys', permission: 'api_key.manage' },
  { to: '/admin/webhooks', label: 'admin.webhooks', permission: 'webhook.manage' },
];

export function AdminNav() {
  const { path } = useLocation();
  const { can } = useSession();
  const { t } = useI18n();
  return (
    <nav aria-label={t('admin.nav')} className="tabs">
      <ul>
        {TABS.filter((tab) => can(tab.permission)).map((tab) => (
          <li key={tab.to}>
            <Link to={tab.to} aria-current={path.startsWith(tab.to) ? 'page' : undefined}>
              {t(tab.label)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
