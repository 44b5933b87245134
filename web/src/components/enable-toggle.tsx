import { useI18n } from '../i18n/use-i18n';

/** The enable/disable button of an admin list's row (people, webhooks), named after the row for screen readers. */
export function EnableToggle({
  enabled,
  name,
  pending,
  onToggle,
}: {
  enabled: boolean;
  name: string;
  pending: boolean;
  onToggle: () => void;
}) {
  const { t } = useI18n();
  return (
    <button
      type="button"
      className="small"
      aria-label={t(enabled ? 'admin.disableOf' : 'admin.enableOf', { name })}
      disabled={pending}
      onClick={onToggle}
    >
      {enabled ? t('admin.disable') : t('admin.enable')}
    </button>
  );
}
