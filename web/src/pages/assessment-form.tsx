import { useMemo, useState } from 'react';
import { api, ifMatch } from '../api/client';
import type { AssessmentDto, ProjectDto, RiskFrameworkDto, UpdateAssessmentDto } from '../api/generated/api';
import { toApiProblem, type ApiProblem } from '../api/problem';
import { RiskBadge } from '../components/badges';
import { fieldId, ProblemSummary, SelectField, TextArea, TextField } from '../components/fields';
import { Loading, PageHeader } from '../components/layout';
import { useI18n } from '../i18n/use-i18n';
import { RECOMMENDATIONS } from '../lib/format';
import { Link, navigate, usePageTitle } from '../lib/router';
import { highestLevel, levelFor, type Level } from '../lib/risk';
import { useLoad } from '../lib/use-load';

interface RatingRow {
  dimension: string;
  likelihood: number;
  impact: number;
  residualLikelihood: number;
  residualImpact: number;
  rationale: string;
}
interface MitigationRow {
  text: string;
  owner: string;
  dueDate: string;
  status: 'open' | 'done';
  dimension: string;
}
interface ConditionRow {
  text: string;
  dueDate: string;
}
interface AssessmentForm {
  ratings: Record<string, RatingRow | undefined>;
  mitigations: MitigationRow[];
  conditions: ConditionRow[];
  recommendation: string;
  summary: string;
}

function formOf(a: AssessmentDto): AssessmentForm {
  return {
    ratings: Object.fromEntries(a.ratings.map((r) => [r.dimension, { ...r }])),
    mitigations: a.mitigations.map((m) => ({
      text: m.text,
      owner: m.owner,
      dueDate: m.dueDate ?? '',
      status: m.status === 'done' ? 'done' : 'open',
      dimension: m.dimension ?? '',
    })),
    conditions: a.proposedConditions.map((c) => ({ text: c.text, dueDate: c.dueDate ?? '' })),
    recommendation: a.recommendation ?? '',
    summary: a.summary,
  };
}

/** Ratings go out in framework order; the server's field paths (ratings[i]) index that list. */
function ratedInOrder(form: AssessmentForm, framework: RiskFrameworkDto): RatingRow[] {
  return framework.dimensions.map((d) => form.ratings[d.key]).filter((r): r is RatingRow => Boolean(r));
}

function bodyOf(form: AssessmentForm, framework: RiskFrameworkDto): UpdateAssessmentDto {
  return {
    ratings: ratedInOrder(form, framework).map((r) => ({ ...r, rationale: r.rationale })),
    mitigations: form.mitigations.map((m) => ({
      text: m.text,
      owner: m.owner,
      status: m.status,
      ...(m.dueDate ? { dueDate: m.dueDate } : {}),
      ...(m.dimension ? { dimension: m.dimension } : {}),
    })),
    proposedConditions: form.conditions.map((c) => ({ text: c.text, ...(c.dueDate ? { dueDate: c.dueDate } : {}) })),
    ...(form.recommendation ? { recommendation: form.recommendation as UpdateAssessmentDto['recommendation'] } : {}),
    summary: form.summary,
  };
}

/** The advisor's assessment: 5×5 ratings with live score and level, mitigations, conditions, advice. */
export function AssessmentFormPage({ projectId }: { projectId: string }) {
  const { t } = useI18n();
  const loaded = useLoad(async () => {
    const project = await api.projects.projectsGet({ id: projectId });
    const list = await api.risk.assessmentsList({ id: projectId, limit: 20 });
    const draft = list.items.find((a) => a.status === 'draft');
    return { project, draft, hasSubmitted: list.items.some((a) => a.status === 'submitted') };
  }, [projectId]);
  usePageTitle(loaded.data ? t('assess.titleOf', { title: loaded.data.project.title }) : t('summary.title'));
  const [starting, setStarting] = useState<ApiProblem>();

  if (loaded.problem) return <ProblemSummary problem={loaded.problem} title={t('assess.cannotShow')} />;
  if (!loaded.data) return <Loading what={t('assess.loading')} />;
  const { project, draft, hasSubmitted } = loaded.data;
  const start = (copyFrom: 'self_screening' | 'previous'): void => {
    api.risk.assessmentsCreate({ id: projectId }, { copyFrom }).then(loaded.reload, (e: unknown) => setStarting(toApiProblem(e)));
  };

  return (
    <>
      <PageHeader
        title={t('assess.heading', { title: project.title })}
        eyebrow={<Link to={`/projects/${project.id}`}>{project.reference}</Link>}
      />
      {draft ? (
        <AssessmentEditor project={project} initial={draft} />
      ) : (
        <section className="card">
          <ProblemSummary problem={starting} />
          <p>{t('assess.noDraft')}</p>
          <div className="button-row">
            <button type="button" className="primary" onClick={() => start('self_screening')}>
              {t('assess.start')}
            </button>
            {hasSubmitted ? (
              <button type="button" onClick={() => start('previous')}>
                {t('assess.copy')}
              </button>
            ) : null}
          </div>
        </section>
      )}
    </>
  );
}

function AssessmentEditor({ project, initial }: { project: ProjectDto; initial: AssessmentDto }) {
  const { t, rich, term, known } = useI18n();
  const [assessment, setAssessment] = useState(initial);
  const [form, setForm] = useState(() => formOf(initial));
  const [problem, setProblem] = useState<ApiProblem>();
  const [pending, setPending] = useState(false);
  // "Draft saved" shows until the form changes again.
  const [savedForm, setSavedForm] = useState<AssessmentForm | null>(null);
  const saved = savedForm === form;
  const framework = useLoad(() => api.risk.riskFrameworksGet({ id: initial.framework.id }), [initial.framework.id]);

  const fw = framework.data;
  const inScope = useMemo(() => new Set(assessment.scope.map((s) => s.dimension)), [assessment.scope]);
  if (!fw) return <Loading what={t('assess.loadingFramework')} />;
  const dimensions = fw.dimensions.filter((d) => !assessment.light || inScope.has(d.key));
  const rated = ratedInOrder(form, fw);
  const liveLevels = rated.map((r) => levelFor(r.residualLikelihood * r.residualImpact, fw.thresholds));
  const overall: Level | null = highestLevel(liveLevels);
  const ratingIndex = (key: string) => rated.findIndex((r) => r.dimension === key);

  const save = async (thenSubmit: boolean): Promise<void> => {
    setPending(true);
    setProblem(undefined);
    try {
      const updated = await api.risk.assessmentsUpdate({ id: assessment.id }, bodyOf(form, fw), ifMatch(assessment.version));
      setAssessment(updated);
      if (thenSubmit) {
        await api.risk.assessmentsSubmit({ id: updated.id });
        navigate(`/projects/${project.id}`);
        return;
      }
      setSavedForm(form);
    } catch (err) {
      setProblem(toApiProblem(err));
    } finally {
      setPending(false);
    }
  };
  const setRating = (key: string, patch: Partial<RatingRow> | null): void =>
    setForm((f) => {
      const current = f.ratings[key] ?? {
        dimension: key,
        likelihood: 1,
        impact: 1,
        residualLikelihood: 1,
        residualImpact: 1,
        rationale: '',
      };
      // The residual rating follows the inherent one until the advisor sets it apart.
      const follow: Partial<RatingRow> = {};
      if (patch?.likelihood !== undefined && current.residualLikelihood === current.likelihood)
        follow.residualLikelihood = patch.likelihood;
      if (patch?.impact !== undefined && current.residualImpact === current.impact) follow.residualImpact = patch.impact;
      return { ...f, ratings: { ...f.ratings, [key]: patch === null ? undefined : { ...current, ...follow, ...patch } } };
    });
  const scaleOptions = (scale: 'likelihood' | 'impact') =>
    fw.scale[scale].map((s) => ({ value: String(s.value), label: `${s.value} — ${known(`scale.${scale}.${s.value}`, s.label)}` }));

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save(true);
      }}
      noValidate
    >
      <div className="live-overall card" aria-live="polite">
        {rich('assess.overallSoFar', { level: <RiskBadge level={overall} /> })}{' '}
        <span className="hint">{t('assess.overallHint', { rated: rated.length, total: dimensions.length })}</span>
      </div>
      <ProblemSummary problem={problem} />
      <section className="card" aria-labelledby="ratings-title">
        <h2 id="ratings-title">{t('assess.ratings')}</h2>
        {problem?.fieldMessages('ratings').length ? (
          <p className="field-error" id={fieldId('ratings')}>
            {problem.fieldMessages('ratings').join('. ')}
          </p>
        ) : null}
        {dimensions.map((d) => {
          const r = form.ratings[d.key];
          const attention = assessment.scope.find((s) => s.dimension === d.key)?.attention;
          const i = ratingIndex(d.key);
          const dimName = known(`dimension.${d.key}.name`, d.name);
          const name = (field: string) => `ratings[${i}].${field}`;
          const inherent = r ? r.likelihood * r.impact : 0;
          const residual = r ? r.residualLikelihood * r.residualImpact : 0;
          return (
            <fieldset key={d.key} className={`rating ${attention ? 'attention' : ''}`}>
              <legend>
                {dimName} {attention ? <span className="badge warn">{t('assess.flagged')}</span> : null}
              </legend>
              <p className="hint">{known(`dimension.${d.key}.guidance`, d.guidance)}</p>
              {!r ? (
                <button type="button" onClick={() => setRating(d.key, {})}>
                  {t('assess.rate', { name: dimName })}
                </button>
              ) : (
                <>
                  <div className="inline-fields">
                    <SelectField
                      name={name('likelihood')}
                      label={t('assess.likelihood')}
                      value={String(r.likelihood)}
                      onChange={(v) => setRating(d.key, { likelihood: Number(v) })}
                      options={scaleOptions('likelihood')}
                      problem={problem}
                    />
                    <SelectField
                      name={name('impact')}
                      label={t('assess.impact')}
                      value={String(r.impact)}
                      onChange={(v) => setRating(d.key, { impact: Number(v) })}
                      options={scaleOptions('impact')}
                      problem={problem}
                    />
                    <p className="score" aria-live="polite">
                      {rich('assess.score', { score: inherent, level: <RiskBadge level={levelFor(inherent, fw.thresholds)} /> })}
                    </p>
                  </div>
                  <div className="inline-fields">
                    <SelectField
                      name={name('residualLikelihood')}
                      label={t('assess.residualLikelihood')}
                      value={String(r.residualLikelihood)}
                      onChange={(v) => setRating(d.key, { residualLikelihood: Number(v) })}
                      options={scaleOptions('likelihood')}
                      problem={problem}
                    />
                    <SelectField
                      name={name('residualImpact')}
                      label={t('assess.residualImpact')}
                      value={String(r.residualImpact)}
                      onChange={(v) => setRating(d.key, { residualImpact: Number(v) })}
                      options={scaleOptions('impact')}
                      problem={problem}
                    />
                    <p className="score" aria-live="polite">
                      {rich('assess.residual', { score: residual, level: <RiskBadge level={levelFor(residual, fw.thresholds)} /> })}
                    </p>
                  </div>
                  <TextArea
                    name={name('rationale')}
                    label={t('decide.rationale')}
                    hint={t('assess.rationaleHint')}
                    rows={2}
                    value={r.rationale}
                    onChange={(rationale) => setRating(d.key, { rationale })}
                    problem={problem}
                  />
                  <button type="button" className="link-button danger" onClick={() => setRating(d.key, null)}>
                    {t('assess.removeRating', { name: dimName })}
                  </button>
                </>
              )}
            </fieldset>
          );
        })}
      </section>
      <MitigationsAndConditions
        form={form}
        setForm={setForm}
        problem={problem}
        dimensions={dimensions.map((d) => ({ key: d.key, name: known(`dimension.${d.key}.name`, d.name) }))}
      />
      <section className="card" aria-labelledby="advice-title">
        <h2 id="advice-title">{t('assess.advice')}</h2>
        <SelectField
          name="recommendation"
          label={t('assess.recommendation')}
          value={form.recommendation}
          placeholder={t('field.choose')}
          onChange={(recommendation) => setForm({ ...form, recommendation })}
          options={RECOMMENDATIONS.map((value) => ({ value, label: term('recommendation', value) }))}
          problem={problem}
        />
        <TextArea
          name="summary"
          label={t('projectField.summary')}
          hint={t('assess.summaryHint')}
          value={form.summary}
          onChange={(summary) => setForm({ ...form, summary })}
          problem={problem}
        />
        <div className="button-row">
          <button type="button" disabled={pending} onClick={() => void save(false)}>
            {t('assess.saveDraft')}
          </button>
          <button type="submit" className="primary" disabled={pending}>
            {t('assess.submit')}
          </button>
          {saved ? (
            <span role="status" className="ok">
              {t('assess.saved')}
            </span>
          ) : null}
        </div>
      </section>
    </form>
  );
}

function MitigationsAndConditions({
  form,
  setForm,
  problem,
  dimensions,
}: {
  form: AssessmentForm;
  setForm: (f: AssessmentForm) => void;
  problem?: ApiProblem;
  dimensions: { key: string; name: string }[];
}) {
  const { t } = useI18n();
  const setM = (i: number, patch: Partial<MitigationRow>) =>
    setForm({ ...form, mitigations: form.mitigations.map((m, j) => (i === j ? { ...m, ...patch } : m)) });
  const setC = (i: number, patch: Partial<ConditionRow>) =>
    setForm({ ...form, conditions: form.conditions.map((c, j) => (i === j ? { ...c, ...patch } : c)) });
  return (
    <section className="card" aria-labelledby="mitigations-title">
      <h2 id="mitigations-title">{t('summary.mitigations')}</h2>
      <p className="hint">{t('assess.mitigationsHint')}</p>
      {form.mitigations.map((m, i) => (
        <fieldset key={i} className="row-group">
          <legend>{t('assess.mitigationN', { n: i + 1 })}</legend>
          <TextArea
            name={`mitigations[${i}].text`}
            label={t('assess.whatDone')}
            rows={2}
            value={m.text}
            onChange={(text) => setM(i, { text })}
            problem={problem}
            required
          />
          <div className="inline-fields">
            <TextField
              name={`mitigations[${i}].owner`}
              label={t('decide.owner')}
              value={m.owner}
              onChange={(owner) => setM(i, { owner })}
              problem={problem}
              required
            />
            <TextField
              name={`mitigations[${i}].dueDate`}
              label={t('decide.due')}
              type="date"
              value={m.dueDate}
              onChange={(dueDate) => setM(i, { dueDate })}
              problem={problem}
            />
            <SelectField
              name={`mitigations[${i}].dimension`}
              label={t('summary.dimension')}
              value={m.dimension}
              placeholder={t('assess.anyDimension')}
              onChange={(dimension) => setM(i, { dimension })}
              options={dimensions.map((d) => ({ value: d.key, label: d.name }))}
              problem={problem}
            />
          </div>
          <button
            type="button"
            className="link-button danger"
            onClick={() => setForm({ ...form, mitigations: form.mitigations.filter((_, j) => j !== i) })}
          >
            {t('assess.removeMitigation', { n: i + 1 })}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        onClick={() =>
          setForm({ ...form, mitigations: [...form.mitigations, { text: '', owner: '', dueDate: '', status: 'open', dimension: '' }] })
        }
      >
        {t('assess.addMitigation')}
      </button>
      <h2>{t('assess.proposedConditions')}</h2>
      {problem?.fieldMessages('proposedConditions').length ? (
        <p className="field-error" id={fieldId('proposedConditions')}>
          {problem.fieldMessages('proposedConditions').join('. ')}
        </p>
      ) : null}
      {form.conditions.map((c, i) => (
        <fieldset key={i} className="row-group">
          <legend>{t('decide.conditionN', { n: i + 1 })}</legend>
          <TextArea
            name={`proposedConditions[${i}].text`}
            label={t('decide.condition')}
            rows={2}
            value={c.text}
            onChange={(text) => setC(i, { text })}
            problem={problem}
            required
          />
          <TextField
            name={`proposedConditions[${i}].dueDate`}
            label={t('decide.due')}
            type="date"
            value={c.dueDate}
            onChange={(dueDate) => setC(i, { dueDate })}
            problem={problem}
          />
          <button
            type="button"
            className="link-button danger"
            onClick={() => setForm({ ...form, conditions: form.conditions.filter((_, j) => j !== i) })}
          >
            {t('decide.removeCondition', { n: i + 1 })}
          </button>
        </fieldset>
      ))}
      <button type="button" onClick={() => setForm({ ...form, conditions: [...form.conditions, { text: '', dueDate: '' }] })}>
        {t('decide.addCondition')}
      </button>
    </section>
  );
}
