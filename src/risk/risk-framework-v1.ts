import type { RiskDimensionKey, RiskThresholds } from './risk-scoring';
import { SEED_THRESHOLDS } from './risk-scoring';

/**
 * DOMAIN.md §5: version 1 of the risk framework, seeded by the Risk migration. The guidance is
 * written for the HERO and the manager, not for IT: what the dimension is about, in plain words,
 * and the kind of thing that raises it.
 */

export interface FrameworkDimension {
  key: string;
  name: string;
  /** What the dimension is about, for someone outside IT. */
  guidance: string;
  /** Examples of what raises this risk. */
  raisedBy: string[];
}

export interface ScaleStep {
  value: number;
  label: string;
  description: string;
}

export interface FrameworkScale {
  likelihood: ScaleStep[];
  impact: ScaleStep[];
}

export interface FrameworkContent {
  title: string;
  description: string;
  dimensions: FrameworkDimension[];
  scale: FrameworkScale;
  thresholds: RiskThresholds;
}

const V1_DIMENSIONS: (FrameworkDimension & { key: RiskDimensionKey })[] = [
  {
    key: 'security',
    name: 'Security',
    guidance:
      'Could someone break in, steal or change information, or take the service down? Think of accounts, passwords, and anything reachable from the internet.',
    raisedBy: [
      'customers or staff log in with a password',
      'it is reachable by anyone on the internet',
      'connected devices such as sensors, beacons or smart screens',
      'it stores or passes on customer information or card details',
    ],
  },
  {
    key: 'privacy',
    name: 'Privacy & data protection',
    guidance:
      'Does it collect or use information about individual people? The more personal the information, and the more people, the more care the law and our customers expect.',
    raisedBy: [
      'personal data of customers: names, emails, phone numbers, addresses',
      'health information, children’s data or precise location',
      'sharing customer data with an outside company',
      'keeping data longer than needed, or using it for a new purpose',
    ],
  },
  {
    key: 'compliance',
    name: 'Regulatory compliance',
    guidance: 'Are there laws, industry rules or contracts it must follow? Breaking them can mean fines, orders to stop, or lost licences.',
    raisedBy: [
      'taking payments or handling card data',
      'marketing messages, cookies or tracking of website visitors',
      'rules for accessibility, consumer protection or our sector',
      'storing data outside the country or region',
    ],
  },
  {
    key: 'brand',
    name: 'Brand & reputation',
    guidance:
      'Could it embarrass the company or lose customers’ trust if it goes wrong in public? Anything that speaks in the company’s name is visible to everyone.',
    raisedBy: [
      'posting on social media or publishing videos in the company’s name',
      'a chatbot or AI that answers customers on its own',
      'a campaign aimed at a sensitive audience',
      'a well-known partner or influencer involved',
    ],
  },
  {
    key: 'operations',
    name: 'Operations & support',
    guidance:
      'Who keeps it running, answers questions and fixes it at 3 a.m.? A service customers depend on needs an owner, monitoring and a plan for when it breaks.',
    raisedBy: [
      'customers rely on it to be available at all times',
      'no one in the team knows how to run or fix it',
      'devices in shops or in the field that need maintenance',
      'manual steps that must be done every day',
    ],
  },
  {
    key: 'vendor',
    name: 'Vendor & third party',
    guidance:
      'Does it depend on an outside company or online service? We inherit their security, their reliability and their terms — and need a way out if they fail.',
    raisedBy: [
      'a new cloud vendor or app we have not used before',
      'the vendor receives our customers’ data',
      'a small or new supplier, or one outside our region',
      'no contract, or click-through terms only',
    ],
  },
  {
    key: 'financial',
    name: 'Financial',
    guidance:
      'How much money is at stake, and could costs run away? Think of the budget, running costs that grow with use, and money customers pay through it.',
    raisedBy: [
      'a budget above the fast-track limit',
      'usage-based pricing that grows with customers',
      'customers pay through it, or refunds and fraud are possible',
      'long contracts that are costly to leave',
    ],
  },
  {
    key: 'integration',
    name: 'Integration with core systems',
    guidance:
      'Does it connect to the company’s own systems — orders, customer records, billing? A connection can slow those systems down, corrupt their data, or open a door into them.',
    raisedBy: [
      'reading customer or order records',
      'writing into billing, orders or the customer database',
      'a new connection from an outside service into our network',
      'copying data between systems by hand or by script',
    ],
  },
];

const V1_SCALE: FrameworkScale = {
  likelihood: [
    { value: 1, label: 'Rare', description: 'Hard to imagine happening; not seen in similar projects.' },
    { value: 2, label: 'Unlikely', description: 'Could happen, but we would be surprised.' },
    { value: 3, label: 'Possible', description: 'Might happen at some point; it has happened to others.' },
    { value: 4, label: 'Likely', description: 'Will probably happen during the life of the project.' },
    { value: 5, label: 'Almost certain', description: 'Expected to happen, probably more than once.' },
  ],
  impact: [
    { value: 1, label: 'Negligible', description: 'Hardly noticed; fixed in the normal course of work.' },
    { value: 2, label: 'Minor', description: 'A few customers affected briefly; small cost; no press.' },
    { value: 3, label: 'Moderate', description: 'Many customers affected or a complaint to a regulator; noticeable cost.' },
    { value: 4, label: 'Major', description: 'Serious harm to customers, a fine, or negative press coverage.' },
    { value: 5, label: 'Severe', description: 'Lasting damage: large fines, major data breach, national headlines.' },
  ],
};

export const RISK_FRAMEWORK_V1: FrameworkContent = {
  title: 'HERO Compact risk framework',
  description:
    'IT advises, it never decides. Each dimension below is rated for how likely a problem is (1–5) and how bad it would be (1–5); the product is the score (1–25) and the score gives the level. The project’s overall level is its highest level after mitigation.',
  dimensions: V1_DIMENSIONS,
  scale: V1_SCALE,
  thresholds: SEED_THRESHOLDS,
};
