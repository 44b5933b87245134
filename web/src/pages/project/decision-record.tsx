import { api } from '../../api/client';
import type { ProjectDto } from '../../api/generated/api';
import { RiskBadge } from '../../components/badges';
import { useI18n } from '../../i18n/use-i18n';
import { useLoad } from '../../lib/use-load';

/** The latest decision: outcome, rationale, who decided, the CIO's co-signature and any risk acceptance. */
export function DecisionRecord({ project, refreshKey }: { project: ProjectDto; refreshKey: number }) {
  const { t, term, rich, fmt } = useI18n();
  const decisions = useLoad(() => api.decisions.decisionsList({ id: project.id, limit: 5 }), [project.id, refreshKey]);
  const d = decisions.data?.items[0];
  if (!d) return null;
  return (
    <section className="card" aria-labelledby="decision-title">
      <h2 id="decision-title">{t('decision.title')}</h2>
      <p className="decision-outcome">
        {rich('decision.by', {
          outcome: <strong>{term('decided', d.outcome)}</strong>,
          name: d.decidedBy.displayName,
          when: fmt.dateTime(d.decidedAt),
        })}
        {d.supersededAt ? <span className="badge warn">{t('decision.superseded')}</span> : null}
      </p>
      <p>{d.rationale}</p>
      <dl className="details">
        <div>
          <dt>{t('decision.cosign')}</dt>
          <dd>
            {term('cosignStatus', d.cosign.status)}
            {d.cosign.by ? ` — ${d.cosign.by.displayName}, ${fmt.dateTime(d.cosign.at)}` : ''}
            {d.cosign.rationale ? t('decision.cosignRationale', { rationale: d.cosign.rationale }) : ''}
          </dd>
        </div>
        <div>
          <dt>{t('decision.decidedOn')}</dt>
          <dd>
            {rich('decision.snapshot', {
              revision: d.snapshot.assessmentRevision ?? '—',
              risk: <RiskBadge level={d.snapshot.riskLevel} />,
              budget: fmt.money(d.snapshot.budget),
            })}
          </dd>
        </div>
        {d.riskAcceptance ? (
          <div>
            <dt>{t('decide.riskAcceptance')}</dt>
            <dd>
              {rich('decision.acceptance', {
                statement: d.riskAcceptance.statement,
                level: <RiskBadge level={d.riskAcceptance.acceptedLevel} />,
                until: fmt.date(d.riskAcceptance.expiresOn),
              })}
              {d.riskAcceptance.expired ? <span className="badge warn">{t('decision.expired')}</span> : null}
            </dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}
