import { lazy, Suspense, type ReactNode } from 'react';
import { Layout, Loading } from './components/layout';
import { useI18n } from './i18n/use-i18n';
import { matchPath, useLocation } from './lib/router';
import { useSession } from './lib/session';
import { ApiKeysPage } from './pages/admin/api-keys';
import { OrgUnitsPage } from './pages/admin/org-units';
import { UsersPage } from './pages/admin/users';
import { WebhooksPage } from './pages/admin/webhooks';
import { AssessmentFormPage } from './pages/assessment-form';
import { CompactPage } from './pages/compact';
import { CosignPage } from './pages/cosign';
import { DecidePage } from './pages/decide';
import { MyProjectsPage } from './pages/my-projects';
import { ProjectWizard } from './pages/new-project/wizard';
import { NotFoundPage } from './pages/not-found';
import { NotificationsPage } from './pages/notifications';
import { ProjectPage } from './pages/project/project-page';
import { AdvisorQueuePage, CosignQueuePage, ManagerInboxPage } from './pages/queues';
import { SignInPage } from './pages/sign-in';

// The chart library is large: load it only on the portfolio page.
const DashboardPage = lazy(() => import('./pages/dashboard').then((m) => ({ default: m.DashboardPage })));

type Route = [pattern: string, render: (params: Record<string, string>) => ReactNode];

/** Page URLs; Nest answers index.html for each, so they can be bookmarked and reloaded. */
const ROUTES: Route[] = [
  ['/', () => <MyProjectsPage />],
  ['/projects/new', () => <ProjectWizard key="new" />],
  ['/projects/:id', ({ id }) => <ProjectPage key={id} id={id} />],
  ['/projects/:id/edit', ({ id }) => <ProjectWizard key={id} projectId={id} />],
  ['/projects/:id/assessment', ({ id }) => <AssessmentFormPage projectId={id} />],
  ['/projects/:id/decide', ({ id }) => <DecidePage projectId={id} />],
  ['/projects/:id/cosign', ({ id }) => <CosignPage projectId={id} />],
  ['/queue', () => <AdvisorQueuePage />],
  ['/inbox', () => <ManagerInboxPage />],
  ['/cosign', () => <CosignQueuePage />],
  ['/portfolio', () => <DashboardPage />],
  ['/compact', () => <CompactPage />],
  ['/admin/users', () => <UsersPage />],
  ['/admin/org-units', () => <OrgUnitsPage />],
  ['/admin/api-keys', () => <ApiKeysPage />],
  ['/admin/webhooks', () => <WebhooksPage />],
  ['/notifications', () => <NotificationsPage />],
];

export function App() {
  const { me, restoring } = useSession();
  const { path } = useLocation();
  const { t } = useI18n();
  if (restoring) return <Loading what={t('app.signingIn')} />;
  if (!me) return <SignInPage />;
  for (const [pattern, render] of ROUTES) {
    const params = matchPath(pattern, path);
    if (params) {
      return (
        <Layout>
          <Suspense fallback={<Loading />}>{render(params)}</Suspense>
        </Layout>
      );
    }
  }
  return (
    <Layout>
      <NotFoundPage />
    </Layout>
  );
}
