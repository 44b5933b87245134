import { humanize, stateLabel } from '../lib/format';

export function StateBadge({ state }: { state: string }) {
  return <span className={`badge state state-${state}`}>{stateLabel(state)}</span>;
}

/** Risk level with its word (never colour alone). */
export function RiskBadge({ level }: { level: string | null | undefined }) {
  if (!level) return <span className="badge risk risk-none">Not assessed</span>;
  return <span className={`badge risk risk-${level}`}>{humanize(level)} risk</span>;
}

export function FastTrackBadge({ fastTrack }: { fastTrack: boolean }) {
  return fastTrack ? <span className="badge fast-track">Fast track</span> : null;
}
