import { useEffect, useState, type FormEvent } from 'react';
import { api, ifMatch } from '../../api/client';
import type { ProjectDto } from '../../api/generated/api';
import { ApiProblem, toApiProblem } from '../../api/problem';
import { ProblemSummary } from '../../components/fields';
import { Loading, PageHeader } from '../../components/layout';
import { useI18n } from '../../i18n/use-i18n';
import { navigate, usePageTitle } from '../../lib/router';
import { CompactReminder } from '../compact-reminder';
import { ReviewStep } from './review';
import { SCREENING_KEYS, ScreeningResult, ScreeningStep, type ScreeningAnswers } from './screening';
import { BudgetStep, CustomerStep, DataStep, KpiStep, SolutionStep, type StepProps } from './steps';
import { EMPTY_FORM, formFromProject, localProblem, STEPS, stepBody, type ProjectForm, type StepKey } from './wizard-model';

const STEP_VIEWS: Partial<Record<StepKey, (p: StepProps) => React.ReactNode>> = {
  customer: CustomerStep,
  solution: SolutionStep,
  data: DataStep,
  budget: BudgetStep,
  kpis: KpiStep,
};

/**
 * The "new project" wizard, also used to edit a draft. Each step is saved when the HERO continues
 * (the first one creates the draft), so the server's field errors show up on the step they belong to.
 */
export function ProjectWizard({ projectId }: { projectId?: string }) {
  const i18n = useI18n();
  const { t, term } = i18n;
  usePageTitle(projectId ? t('action.edit') : t('home.newProject'));
  const [project, setProject] = useState<ProjectDto>();
  const [form, setForm] = useState<ProjectForm>(EMPTY_FORM);
  const [answers, setAnswers] = useState<ScreeningAnswers>({});
  const [step, setStep] = useState<StepKey>('customer');
  const [problem, setProblem] = useState<ApiProblem>();
  const [pending, setPending] = useState(false);
  const [loading, setLoading] = useState(Boolean(projectId));

  useEffect(() => {
    if (!projectId) return;
    api.projects.projectsGet({ id: projectId }).then(
      (p) => {
        setProject(p);
        setForm(formFromProject(p, i18n));
        setAnswers((p.selfScreening?.answers as ScreeningAnswers | undefined) ?? {});
        setLoading(false);
      },
      (err: unknown) => {
        setProblem(toApiProblem(err));
        setLoading(false);
      },
    );
    // Loaded once: a language switch must not throw away what the HERO is typing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [projectId]);

  const index = STEPS.findIndex((s) => s.key === step);
  const goTo = (key: StepKey): void => {
    setProblem(undefined);
    setStep(key);
    window.scrollTo({ top: 0 });
  };

  const saveStep = async (): Promise<ProjectDto | undefined> => {
    if (step === 'screening') {
      const missing = SCREENING_KEYS.filter((k) => answers[k] === undefined);
      if (missing.length) {
        throw localProblem(
          missing.map((field) => ({ field, message: t('screening.answerYesNo') })),
          i18n,
        );
      }
      return api.projects.projectsSelfScreening({ id: project!.id }, answers as Required<ScreeningAnswers>);
    }
    const built = stepBody(step, form, i18n);
    if ('problem' in built) throw built.problem;
    if (!project) return api.projects.projectsCreate({ ...built.body, title: form.title });
    if (Object.keys(built.body).length === 0) return project;
    return api.projects.projectsUpdate({ id: project.id }, built.body, ifMatch(project.version));
  };

  const onContinue = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setPending(true);
    setProblem(undefined);
    try {
      const saved = await saveStep();
      if (saved) {
        setProject(saved);
        if (!project && !projectId) window.history.replaceState(null, '', `/projects/${saved.id}/edit`);
      }
      // The screening result is worth reading before moving on: stay on the step once answered.
      if (step !== 'screening' || project?.selfScreening) goTo(STEPS[Math.min(index + 1, STEPS.length - 1)].key);
    } catch (err) {
      setProblem(toApiProblem(err));
    } finally {
      setPending(false);
    }
  };

  if (loading) return <Loading what={t('project.loading')} />;
  const View = STEP_VIEWS[step];
  const setPart = (patch: Partial<ProjectForm>): void => setForm((f) => ({ ...f, ...patch }));

  return (
    <>
      <PageHeader
        title={project?.title || t('home.newProject')}
        eyebrow={project ? `${project.reference} · ${term('state', project.state)}` : t('wizard.propose')}
      />
      <CompactReminder />
      <nav aria-label={t('wizard.steps')} className="steps">
        <ol>
          {STEPS.map((s, i) => (
            <li key={s.key} className={i < index ? 'done' : undefined}>
              <button
                type="button"
                className="step"
                aria-current={s.key === step ? 'step' : undefined}
                disabled={!project && s.key !== 'customer'}
                onClick={() => goTo(s.key)}
              >
                <span className="step-number">{i + 1}</span> {t(s.title)}
              </button>
            </li>
          ))}
        </ol>
      </nav>
      <section className="card wizard" aria-labelledby="step-title">
        <h2 id="step-title">{t('wizard.stepOf', { n: index + 1, total: STEPS.length, title: t(STEPS[index].title) })}</h2>
        {step === 'review' && project ? (
          <ReviewStep project={project} goTo={goTo} onSubmitted={(p) => navigate(`/projects/${p.id}`)} />
        ) : (
          <form onSubmit={(e) => void onContinue(e)} noValidate>
            <ProblemSummary problem={problem} />
            {View ? <View form={form} set={setPart} problem={problem} project={project} /> : null}
            {step === 'screening' ? (
              <>
                <ScreeningStep answers={answers} setAnswers={setAnswers} problem={problem} />
                {project ? <ScreeningResult project={project} /> : null}
              </>
            ) : null}
            <div className="button-row">
              {index > 0 ? (
                <button type="button" onClick={() => goTo(STEPS[index - 1].key)}>
                  {t('common.back')}
                </button>
              ) : null}
              <button type="submit" className="primary" disabled={pending}>
                {pending
                  ? t('wizard.saving')
                  : step === 'screening' && !project?.selfScreening
                    ? t('wizard.saveAnswers')
                    : t('wizard.saveContinue')}
              </button>
            </div>
          </form>
        )}
      </section>
    </>
  );
}
