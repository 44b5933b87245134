import type { CompactCommitments } from './compact-version.entity';

/** The text of compact version 1 (DOMAIN.md §2, in our own words). Seeded by the Compact migration. */
export const COMPACT_V1 = {
  title: 'The HERO Compact',
  intro:
    'Employees closest to customers may build customer-facing technology themselves. This compact says who is responsible for what: ' +
    'HEROes propose and run projects, IT advises on risk, managers sponsor and decide. Ideas are welcome; risk is assessed together and decided openly.',
  commitments: {
    hero: [
      "Describe the customer problem and the top customer task the project improves, in the customer's words.",
      'Declare the data, vendors and technologies the project uses, and keep that list current.',
      'Answer the self-screening honestly; when in doubt, answer yes and let IT help.',
      'Follow the conditions attached to the approval and report when each one is met.',
      'Measure results against the KPIs you set and share them, good or bad.',
      'Retire what no longer serves customers, and clean up its data, accounts and vendors.',
    ],
    manager: [
      'Sponsor and fund ideas worth testing, and decide within the agreed time.',
      "When approving against IT's advice, accept the residual risk explicitly, in writing, with an expiry date.",
      'Never decide on a project you proposed, work on, or assessed.',
      'Review outcomes after launch: scale what works, iterate, stop what fails.',
    ],
    it: [
      'Advise, do not block: the decision belongs to the business sponsor.',
      'Assess jointly with the HERO and promptly, within the agreed time limits.',
      'Offer safe, supported platforms and patterns, so that the easy way is the safe way.',
      'State every concern as a concrete mitigation or condition, with an owner.',
      'Keep the risk framework current and explain it in plain language.',
    ],
  } satisfies CompactCommitments,
};
