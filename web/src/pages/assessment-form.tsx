import { useMemo, useState } from 'react';
import { api, ifMatch } from '../api/client';
import type { AssessmentDto, ProjectDto, RiskFrameworkDto, UpdateAssessmentDto } from '../api/generated/api';
import { toApiProblem, type ApiProblem } from '../api/problem';
import { RiskBadge } from '../components/badges';
import { fieldId, ProblemSummary, SelectField, TextArea, TextField } from '../components/fields';
import { Loading, PageHeader } from '../components/layout';
import { Link, navigate, usePageTitle } from '../lib/router';
import { highestLevel, levelFor, RECOMMENDATION_LABELS, type Level } from '../lib/risk';
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
  const loaded = useLoad(async () => {
    const project = await api.projects.projectsGet({ id: projectId });
    const list = await api.risk.assessmentsList({ id: projectId, limit: 20 });
    const draft = list.items.find((a) => a.status === 'draft');
    return { project, draft, hasSubmitted: list.items.some((a) => a.status === 'submitted') };
  }, [projectId]);
  usePageTitle(loaded.data ? `Assess ${loaded.data.project.title}` : 'Risk assessment');
  const [starting, setStarting] = useState<ApiProblem>();

  if (loaded.problem) return <ProblemSummary problem={loaded.problem} title="The assessment cannot be shown" />;
  if (!loaded.data) return <Loading what="Loading the assessment" />;
  const { project, draft, hasSubmitted } = loaded.data;
  const start = (copyFrom: 'self_screening' | 'previous'): void => {
    api.risk.assessmentsCreate({ id: projectId }, { copyFrom }).then(loaded.reload, (e: unknown) => setStarting(toApiProblem(e)));
  };

  return (
    <>
      <PageHeader title={`Risk assessment: ${project.title}`} eyebrow={<Link to={`/projects/${project.id}`}>{project.reference}</Link>} />
      {draft ? (
        <AssessmentEditor project={project} initial={draft} />
      ) : (
        <section className="card">
          <ProblemSummary problem={starting} />
          <p>
            No draft yet. Start from the HERO’s self-screening (the dimensions it points at are flagged), or copy the last submitted
            revision.
          </p>
          <div className="button-row">
            <button type="button" className="primary" onClick={() => start('self_screening')}>
              Start the assessment
            </button>
            {hasSubmitted ? (
              <button type="button" onClick={() => start('previous')}>
                Copy the last revision
              </button>
            ) : null}
          </div>
        </section>
      )}
    </>
  );
}

function AssessmentEditor({ project, initial }: { project: ProjectDto; initial: AssessmentDto }) {
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
  if (!fw) return <Loading what="Loading the risk framework" />;
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
  const scaleOptions = (steps: { value: number; label: string }[]) =>
    steps.map((s) => ({ value: String(s.value), label: `${s.value} — ${s.label}` }));

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save(true);
      }}
      noValidate
    >
      <div className="live-overall card" aria-live="polite">
        Overall risk so far: <RiskBadge level={overall} />{' '}
        <span className="hint">
          (the highest level after mitigation of any dimension; {rated.length} of {dimensions.length} rated)
        </span>
      </div>
      <ProblemSummary problem={problem} />
      <section className="card" aria-labelledby="ratings-title">
        <h2 id="ratings-title">Ratings (likelihood × impact, 1–5 each)</h2>
        {problem?.fieldMessages('ratings').length ? (
          <p className="field-error" id={fieldId('ratings')}>
            {problem.fieldMessages('ratings').join('. ')}
          </p>
        ) : null}
        {dimensions.map((d) => {
          const r = form.ratings[d.key];
          const attention = assessment.scope.find((s) => s.dimension === d.key)?.attention;
          const i = ratingIndex(d.key);
          const name = (field: string) => `ratings[${i}].${field}`;
          const inherent = r ? r.likelihood * r.impact : 0;
          const residual = r ? r.residualLikelihood * r.residualImpact : 0;
          return (
            <fieldset key={d.key} className={`rating ${attention ? 'attention' : ''}`}>
              <legend>
                {d.name} {attention ? <span className="badge warn">Flagged by self-screening</span> : null}
              </legend>
              <p className="hint">{d.guidance}</p>
              {!r ? (
                <button type="button" onClick={() => setRating(d.key, {})}>
                  Rate {d.name}
                </button>
              ) : (
                <>
                  <div className="inline-fields">
                    <SelectField
                      name={name('likelihood')}
                      label="Likelihood"
                      value={String(r.likelihood)}
                      onChange={(v) => setRating(d.key, { likelihood: Number(v) })}
                      options={scaleOptions(fw.scale.likelihood)}
                      problem={problem}
                    />
                    <SelectField
                      name={name('impact')}
                      label="Impact"
                      value={String(r.impact)}
                      onChange={(v) => setRating(d.key, { impact: Number(v) })}
                      options={scaleOptions(fw.scale.impact)}
                      problem={problem}
                    />
                    <p className="score" aria-live="polite">
                      Score {inherent} <RiskBadge level={levelFor(inherent, fw.thresholds)} />
                    </p>
                  </div>
                  <div className="inline-fields">
                    <SelectField
                      name={name('residualLikelihood')}
                      label="Likelihood after mitigation"
                      value={String(r.residualLikelihood)}
                      onChange={(v) => setRating(d.key, { residualLikelihood: Number(v) })}
                      options={scaleOptions(fw.scale.likelihood)}
                      problem={problem}
                    />
                    <SelectField
                      name={name('residualImpact')}
                      label="Impact after mitigation"
                      value={String(r.residualImpact)}
                      onChange={(v) => setRating(d.key, { residualImpact: Number(v) })}
                      options={scaleOptions(fw.scale.impact)}
                      problem={problem}
                    />
                    <p className="score" aria-live="polite">
                      Residual {residual} <RiskBadge level={levelFor(residual, fw.thresholds)} />
                    </p>
                  </div>
                  <TextArea
                    name={name('rationale')}
                    label="Rationale"
                    hint="Required for medium and above: what could happen, and why this rating."
                    rows={2}
                    value={r.rationale}
                    onChange={(rationale) => setRating(d.key, { rationale })}
                    problem={problem}
                  />
                  <button type="button" className="link-button danger" onClick={() => setRating(d.key, null)}>
                    Remove the rating of {d.name}
                  </button>
                </>
              )}
            </fieldset>
          );
        })}
      </section>
      <MitigationsAndConditions form={form} setForm={setForm} problem={problem} dimensions={dimensions} />
      <section className="card" aria-labelledby="advice-title">
        <h2 id="advice-title">Advice for the manager</h2>
        <SelectField
          name="recommendation"
          label="Recommendation"
          value={form.recommendation}
          placeholder="Choose…"
          onChange={(recommendation) => setForm({ ...form, recommendation })}
          options={Object.entries(RECOMMENDATION_LABELS).map(([value, label]) => ({ value, label }))}
          problem={problem}
        />
        <TextArea
          name="summary"
          label="Summary"
          hint="The advice in a few sentences."
          value={form.summary}
          onChange={(summary) => setForm({ ...form, summary })}
          problem={problem}
        />
        <div className="button-row">
          <button type="button" disabled={pending} onClick={() => void save(false)}>
            Save draft
          </button>
          <button type="submit" className="primary" disabled={pending}>
            Submit the assessment
          </button>
          {saved ? (
            <span role="status" className="ok">
              Draft saved.
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
  const setM = (i: number, patch: Partial<MitigationRow>) =>
    setForm({ ...form, mitigations: form.mitigations.map((m, j) => (i === j ? { ...m, ...patch } : m)) });
  const setC = (i: number, patch: Partial<ConditionRow>) =>
    setForm({ ...form, conditions: form.conditions.map((c, j) => (i === j ? { ...c, ...patch } : c)) });
  return (
    <section className="card" aria-labelledby="mitigations-title">
      <h2 id="mitigations-title">Mitigations</h2>
      <p className="hint">State every concern as a concrete step someone owns.</p>
      {form.mitigations.map((m, i) => (
        <fieldset key={i} className="row-group">
          <legend>Mitigation {i + 1}</legend>
          <TextArea
            name={`mitigations[${i}].text`}
            label="What will be done"
            rows={2}
            value={m.text}
            onChange={(text) => setM(i, { text })}
            problem={problem}
            required
          />
          <div className="inline-fields">
            <TextField
              name={`mitigations[${i}].owner`}
              label="Owner"
              value={m.owner}
              onChange={(owner) => setM(i, { owner })}
              problem={problem}
              required
            />
            <TextField
              name={`mitigations[${i}].dueDate`}
              label="Due"
              type="date"
              value={m.dueDate}
              onChange={(dueDate) => setM(i, { dueDate })}
              problem={problem}
            />
            <SelectField
              name={`mitigations[${i}].dimension`}
              label="Dimension"
              value={m.dimension}
              placeholder="Any"
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
            Remove mitigation {i + 1}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        onClick={() =>
          setForm({ ...form, mitigations: [...form.mitigations, { text: '', owner: '', dueDate: '', status: 'open', dimension: '' }] })
        }
      >
        Add a mitigation
      </button>
      <h2>Proposed conditions of approval</h2>
      {problem?.fieldMessages('proposedConditions').length ? (
        <p className="field-error" id={fieldId('proposedConditions')}>
          {problem.fieldMessages('proposedConditions').join('. ')}
        </p>
      ) : null}
      {form.conditions.map((c, i) => (
        <fieldset key={i} className="row-group">
          <legend>Condition {i + 1}</legend>
          <TextArea
            name={`proposedConditions[${i}].text`}
            label="Condition"
            rows={2}
            value={c.text}
            onChange={(text) => setC(i, { text })}
            problem={problem}
            required
          />
          <TextField
            name={`proposedConditions[${i}].dueDate`}
            label="Due"
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
            Remove condition {i + 1}
          </button>
        </fieldset>
      ))}
      <button type="button" onClick={() => setForm({ ...form, conditions: [...form.conditions, { text: '', dueDate: '' }] })}>
        Add a condition
      </button>
    </section>
  );
}
