import { api } from '../../api/client';
import type { ProjectDto } from '../../api/generated/api';
import { RiskBadge } from '../../components/badges';
import { formatDate, formatDateTime, formatMoney, humanize } from '../../lib/format';
import { useLoad } from '../../lib/use-load';

const OUTCOME: Record<string, string> = {
  approve: 'Approved',
  approve_with_conditions: 'Approved with conditions',
  reject: 'Rejected',
  request_changes: 'Changes requested',
};
const COSIGN: Record<string, string> = {
  not_required: 'Not required',
  pending: 'Waiting for the CIO',
  cosigned: 'Co-signed',
  declined: 'Declined',
};

/** The latest decision: outcome, rationale, who decided, the CIO's co-signature and any risk acceptance. */
export function DecisionRecord({ project, refreshKey }: { project: ProjectDto; refreshKey: number }) {
  const decisions = useLoad(() => api.decisions.decisionsList({ id: project.id, limit: 5 }), [project.id, refreshKey]);
  const d = decisions.data?.items[0];
  if (!d) return null;
  return (
    <section className="card" aria-labelledby="decision-title">
      <h2 id="decision-title">Decision</h2>
      <p className="decision-outcome">
        <strong>{OUTCOME[d.outcome] ?? humanize(d.outcome)}</strong> by {d.decidedBy.displayName} on {formatDateTime(d.decidedAt)}
        {d.supersededAt ? <span className="badge warn">Superseded</span> : null}
      </p>
      <p>{d.rationale}</p>
      <dl className="details">
        <div>
          <dt>CIO co-signature</dt>
          <dd>
            {COSIGN[d.cosign.status] ?? d.cosign.status}
            {d.cosign.by ? ` — ${d.cosign.by.displayName}, ${formatDateTime(d.cosign.at)}` : ''}
            {d.cosign.rationale ? `: “${d.cosign.rationale}”` : ''}
          </dd>
        </div>
        <div>
          <dt>Decided on</dt>
          <dd>
            Assessment revision {d.snapshot.assessmentRevision}, risk <RiskBadge level={d.snapshot.riskLevel} />, budget{' '}
            {formatMoney(d.snapshot.budget)}
          </dd>
        </div>
        {d.riskAcceptance ? (
          <div>
            <dt>Risk acceptance</dt>
            <dd>
              “{d.riskAcceptance.statement}” — accepts <RiskBadge level={d.riskAcceptance.acceptedLevel} /> until{' '}
              {formatDate(d.riskAcceptance.expiresOn)}
              {d.riskAcceptance.expired ? <span className="badge warn">Expired</span> : null}
            </dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}
