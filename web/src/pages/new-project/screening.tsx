import type { ProjectDto, SelfScreeningDto } from '../../api/generated/api';
import type { ApiProblem } from '../../api/problem';
import { YesNo } from '../../components/fields';
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
  return (
    <>
      <p className="lead">
        Your own first look at the risk. Answer honestly: a “yes” is not a “no” to your project, it tells IT where to look. With no “yes” at
        all, the project goes on the fast track.
      </p>
      {SCREENING_KEYS.map((key) => (
        <YesNo
          key={key}
          name={key}
          label={SCREENING_QUESTIONS[key].text}
          hint={SCREENING_QUESTIONS[key].hint || undefined}
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
  const result = project.selfScreening;
  if (!result) return null;
  const yes = SCREENING_KEYS.filter((k) => result.answers[k]);
  return (
    <section
      className={`screening-result ${result.fastTrack ? 'fast' : 'standard'}`}
      aria-labelledby="screening-result-title"
      role="status"
    >
      <h3 id="screening-result-title">{result.fastTrack ? 'Fast track' : `Standard track — indicative risk: ${result.indicativeTier}`}</h3>
      {result.fastTrack ? (
        <p>
          You answered “no” to every question, so this project is on the <strong>fast track</strong>: a light assessment of the few
          dimensions that matter, shorter time limits (assessment within 2 business days instead of 5) and no CIO co-signature. The advisor
          may still take it off the fast track, with a reason.
        </p>
      ) : (
        <>
          <p>
            Because you answered “yes” to {yes.length === 1 ? 'one question' : `${yes.length} questions`}, the advisor runs a full
            assessment (within 5 business days). A high or critical overall risk will also need the CIO’s co-signature after your manager
            approves.
          </p>
          <ul>
            {yes.map((k) => (
              <li key={k}>{SCREENING_QUESTIONS[k].text}</li>
            ))}
          </ul>
        </>
      )}
      {result.fastTrackRemovedReason ? <p>Taken off the fast track by the advisor: {result.fastTrackRemovedReason}</p> : null}
    </section>
  );
}
