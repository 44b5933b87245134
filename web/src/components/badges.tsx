import { useI18n } from '../i18n/use-i18n';

export function StateBadge({ state }: { state: string }) {
  const { term } = useI18n();
  return <span className={`badge state state-${state}`}>{term('state', state)}</span>;
}

/** Risk level with its word (never colour alone). */
export function RiskBadge({ level }: { level: string | null | undefined }) {
  const { t, term } = useI18n();
  if (!level) return <span className="badge risk risk-none">{t('badge.notAssessed')}</span>;
  return <span className={`badge risk risk-${level}`}>{term('riskBadge', level)}</span>;
}

export function FastTrackBadge({ fastTrack }: { fastTrack: boolean }) {
  const { t } = useI18n();
  return fastTrack ? <span className="badge fast-track">{t('badge.fastTrack')}</span> : null;
}
