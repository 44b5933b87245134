import type { ProjectDto, SelfScreeningDto } from '../../api/generated/api';
import type { ApiProblem } from '../../api/problem';
import { YesNo } from '../../components/fields';
import { useI18n } from '../../i18n/use-i18n';
import { SCREENING_QUESTIONS } from './wizard-model';

export type ScreeningAnswers = Partial<SelfScreeningDto>;
export const SCREENING_KEYS = Object.keys(SCREENING_QUESTIONS) as (keyof SelfScreeningDto)[];

export function ScreeningStep({
  answers,
  setAnswers,
  problem,
}: {
  answers: ScreeningAnswers;
  setAnswers: (a: ScreeningAnswers) => void;
  problem?: ApiProblem;
}) {
  const { t } = useI18n();
  return (
    <>
      <p className="lead">{t('screening.lead')}</p>
      {SCREENING_KEYS.map((key) => (
        <YesNo
          key={key}
          name={key}
          label={t(SCREENING_QUESTIONS[key].text)}
          hint={SCREENING_QUESTIONS[key].hint ? t(SCREENING_QUESTIONS[key].hint) : undefined}
          value={answers[key]}
          onChange={(v) => setAnswers({ ...answers, [key]: v })}
          problem={problem}
        />
      ))}
    </>
  );
}

/** What the answers mean: fast track or not, and why. */
export function ScreeningResult({ project }: { project: ProjectDto }) {
  const { t, tp, rich, term } = useI18n();
  const result = project.selfScreening;
  if (!result) return null;
  const yes = SCREENING_KEYS.filter((k) => result.answers[k]);
  return (
    <section
      className={`screening-result ${result.fastTrack ? 'fast' : 'standard'}`}
      aria-labelledby="screening-result-title"
      role="status"
    >
      <h3 id="screening-result-title">
        {result.fastTrack ? t('badge.fastTrack') : t('screening.standard', { tier: term('risk', result.indicativeTier).toLowerCase() })}
      </h3>
      {result.fastTrack ? (
        <p>{rich('screening.fast', { fastTrack: <strong>{t('screening.fastTrackWords')}</strong> })}</p>
      ) : (
        <>
          <p>{tp('screening.full', yes.length)}</p>
          <ul>
            {yes.map((k) => (
              <li key={k}>{t(SCREENING_QUESTIONS[k].text)}</li>
            ))}
          </ul>
        </>
      )}
      {result.fastTrackRemovedReason ? <p>{t('screening.removed', { reason: result.fastTrackRemovedReason })}</p> : null}
    </section>
  );
}
