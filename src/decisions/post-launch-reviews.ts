import { addDays } from './calendar';

/**
 * DOMAIN.md §7: post-launch reviews fall due 30 and 90 days after launch; the sponsoring manager
 * records scale, iterate or stop (stop retires the project) — test fast, kill what fails, scale
 * what works. Pure date arithmetic on ISO dates (UTC calendar days).
 */

export const REVIEW_MILESTONES = [30, 90] as const;
export type ReviewMilestone = (typeof REVIEW_MILESTONES)[number];

export const REVIEW_OUTCOMES = ['scale', 'iterate', 'stop'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

/** `skipped`: the project was retired before this review was recorded. */
export type ReviewStatus = 'upcoming' | 'due' | 'done' | 'skipped';

export interface ScheduledReview {
  milestone: ReviewMilestone;
  dueOn: string;
  status: ReviewStatus;
}

/** The two reviews of a project launched on `launchedOn`, as seen on `today`; `running` is false once retired. */
export function reviewSchedule(
  launchedOn: string,
  today: string,
  recorded: ReadonlySet<ReviewMilestone>,
  running = true,
): ScheduledReview[] {
  return REVIEW_MILESTONES.map((milestone) => {
    const dueOn = addDays(launchedOn, milestone);
    const status: ReviewStatus = recorded.has(milestone) ? 'done' : !running ? 'skipped' : today >= dueOn ? 'due' : 'upcoming';
    return { milestone, dueOn, status };
  });
}

export type ReviewRefusal = 'already_recorded' | 'not_due_yet';

/**
 * A milestone's review is recorded once, from its due date on: a 30-day review on day 10 would not
 * be looking at 30 days of KPIs. (A manager who wants to stop earlier retires the project.)
 */
export function reviewRefusal(
  milestone: ReviewMilestone,
  launchedOn: string,
  today: string,
  recorded: ReadonlySet<ReviewMilestone>,
): ReviewRefusal | null {
  if (recorded.has(milestone)) return 'already_recorded';
  if (today < addDays(launchedOn, milestone)) return 'not_due_yet';
  return null;
}
