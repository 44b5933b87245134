import { PageHeader } from '../components/layout';
import { useI18n } from '../i18n/use-i18n';
import { Link, usePageTitle } from '../lib/router';

export function NotFoundPage() {
  const { t } = useI18n();
  usePageTitle(t('notFound.title'));
  return (
    <>
      <PageHeader title={t('notFound.title')} />
      <p>
        {t('notFound.text')} <Link to="/">{t('notFound.link')}</Link>
      </p>
    </>
  );
}
