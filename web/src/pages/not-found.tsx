import { PageHeader } from '../components/layout';
import { Link, usePageTitle } from '../lib/router';

export function NotFoundPage() {
  usePageTitle('Page not found');
  return (
    <>
      <PageHeader title="Page not found" />
      <p>
        There is no page at this address. <Link to="/">Go to your projects</Link>.
      </p>
    </>
  );
}
