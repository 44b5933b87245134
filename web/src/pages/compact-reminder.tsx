import { api } from '../api/client';
import { useI18n } from '../i18n/use-i18n';
import { Link } from '../lib/router';
import { useLoad } from '../lib/use-load';

/** Nudges a user who has not acknowledged the current compact: submitting, assessing and deciding need it. */
export function CompactReminder() {
  const { t } = useI18n();
  const current = useLoad(() => api.compact.compactCurrent(), []);
  const ack = current.data?.acknowledgement;
  if (!ack?.required) return null;
  const it = ack.groups.includes('it');
  const manager = ack.groups.includes('manager');
  const need =
    it && manager ? 'reminder.needAll' : it ? 'reminder.needSubmitAssess' : manager ? 'reminder.needSubmitDecide' : 'reminder.needSubmit';
  return (
    <div className="notice" role="note">
      <p>
        <strong>{t('reminder.text', { number: current.data?.version.number ?? '' })}</strong> {t(need)}
      </p>
      <Link to="/compact" className="button">
        {t('reminder.read')}
      </Link>
    </div>
  );
}
