import type { Random } from '../lib/random';

/**
 * Project wording with a realistic spread of word frequencies, so full-text search has common
 * words (thousands of hits), mid ones (hundreds) and rare ones (a handful). bench:http and
 * bench:growth search for words listed in SEARCH_TERMS.
 */
const FEATURES = [
  'chatbot',
  'loyalty programme',
  'delivery tracking',
  'appointment booking',
  'self-service portal',
  'price comparison',
  'order status page',
  'returns wizard',
  'product finder',
  'feedback survey',
  'live video advice',
  'voice assistant',
  'store locator',
  'gift card shop',
  'referral scheme',
  'newsletter signup',
  'payment reminder',
  'warranty registration',
  'augmented reality preview',
  'community forum',
  'sustainability dashboard',
  'spare parts catalogue',
  'click and collect',
  'subscription manager',
  'claims upload',
  'onboarding tour',
  'kiosk check-in',
  'smart locker pickup',
  'wishlist sharing',
  'energy usage insights',
];
const CHANNELS = [
  'mobile app',
  'website',
  'social media',
  'in-store tablets',
  'smart speakers',
  'partner marketplace',
  'email',
  'messenger',
];
const AUDIENCES = [
  'young families',
  'small businesses',
  'first-time buyers',
  'loyal customers',
  'students',
  'seniors',
  'commuters',
  'tourists',
];
const TASKS = [
  'track an order',
  'book a visit',
  'return an item',
  'find the right product',
  'pay an invoice',
  'ask a question',
  'renew a contract',
];
const PROBLEMS = [
  'waiting on the phone',
  'unclear delivery dates',
  'lost paperwork',
  'slow answers',
  'confusing prices',
  'long queues in store',
];
const CITIES = Array.from({ length: 400 }, (_, i) => `region${(i + 1).toString(36)}`);

export const SEARCH_TERMS = {
  /** In ~1 of 30 titles. */
  common: 'chatbot',
  /** Two words that must both match (AND). */
  phrase: 'delivery tracking',
  /** In ~1 of 400 summaries. */
  rare: 'region2s',
};

export interface ProjectText {
  title: string;
  summary: string;
  customerProblem: string;
  customerTask: string;
  targetCustomers: string;
  solution: string;
}

export function projectText(rnd: Random): ProjectText {
  const feature = rnd.pick(FEATURES);
  const channel = rnd.pick(CHANNELS);
  const audience = rnd.pick(AUDIENCES);
  const task = rnd.pick(TASKS);
  const problem = rnd.pick(PROBLEMS);
  const city = rnd.pick(CITIES);
  const title = `${feature[0].toUpperCase()}${feature.slice(1)} on ${channel}`.slice(0, 200);
  return {
    title,
    summary: `A ${feature} on our ${channel} so that ${audience} can ${task} without ${problem}. Pilot in ${city} first, then roll out.`,
    customerProblem: `Customers complain about ${problem} when they try to ${task}.`,
    customerTask: `${task[0].toUpperCase()}${task.slice(1)}`,
    targetCustomers: audience,
    solution: `Offer a ${feature} reachable from the ${channel}, connected to the existing systems.`,
  };
}

export const VENDORS = ['Acme Chat', 'CloudCo', 'Streamly', 'PayFast', 'MapWorks', 'SurveyKit', 'LockerNet', 'VoiceHub'];
export const KPI_NAMES = [
  'Calls about the topic per week',
  'Conversion rate',
  'Net promoter score',
  'Average handling time',
  'Repeat visits',
];
export const TAGS = ['pilot', 'quick-win', 'customer-care', 'growth', 'cost-saving', 'sustainability', 'omnichannel'];
