import type { MoneyDto } from '../api/generated/api';

/** Money in minor units → "12,000.00 EUR". */
export function formatMoney(money: MoneyDto | null | undefined): string {
  if (!money) return '—';
  const value = money.amount / 100;
  try {
    return new Intl.NumberFormat('en-GB', { style: 'currency', currency: money.currency }).format(value);
  } catch {
    return `${value.toFixed(2)} ${money.currency}`;
  }
}

/** "12000.50" (major units, as typed) → minor units, or undefined when not a number. */
export function parseMajorUnits(text: string): number | undefined {
  const cleaned = text.replace(/[\s,]/g, '');
  if (cleaned === '' || !/^\d+(\.\d{0,2})?$/.test(cleaned)) return undefined;
  return Math.round(Number(cleaned) * 100);
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** snake_case and dotted codes → "Sentence case" for codes the API has no label for. */
export function humanize(code: string): string {
  const words = code.replace(/[._-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const STATE_LABELS: Record<string, string> = {
  draft: 'Draft',
  submitted: 'Submitted',
  in_review: 'In review',
  info_requested: 'Info requested',
  awaiting_decision: 'Awaiting decision',
  awaiting_cosign: 'Awaiting CIO co-sign',
  approved: 'Approved',
  changes_requested: 'Changes requested',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
  in_delivery: 'In delivery',
  launched: 'Launched',
  retired: 'Retired',
};
export const stateLabel = (state: string): string => STATE_LABELS[state] ?? humanize(state);

export const TECHNOLOGIES = ['mobile', 'social', 'video', 'cloud', 'iot', 'ai', 'web', 'other'] as const;
export const TECHNOLOGY_LABELS: Record<string, string> = {
  mobile: 'Mobile',
  social: 'Social',
  video: 'Video',
  cloud: 'Cloud',
  iot: 'Connected devices (IoT)',
  ai: 'AI',
  web: 'Web',
  other: 'Other',
};
export const DATA_CATEGORIES = ['none', 'personal', 'sensitive', 'payment', 'health', 'children', 'location'] as const;
export const DATA_LABELS: Record<string, string> = {
  none: 'No customer data',
  personal: 'Personal data',
  sensitive: 'Sensitive data',
  payment: 'Payment data',
  health: 'Health data',
  children: 'Children’s data',
  location: 'Location data',
};
export const RISK_LEVELS = ['low', 'medium', 'high', 'critical'] as const;
export const ROLE_LABELS: Record<string, string> = {
  hero: 'HERO',
  it_advisor: 'IT advisor',
  cio: 'CIO',
  manager: 'Manager',
  admin: 'Admin',
};
