import type { RiskLevel } from '../risk/risk-scoring';
import type { Recommendation } from './separation-of-duties';

/**
 * DOMAIN.md §6 decision evidence and amendments. A decision stores a snapshot of what it approved;
 * after approval, changing any field of the approved scope is an amendment that sends the project
 * back to in_review, because an approval is only valid for the thing that was approved.
 */

export interface Money {
  amount: number;
  currency: string;
}

export interface VendorScope {
  name: string;
  service: string;
  dataShared: string;
}

/** The project fields an approval covers: changing one after approval is an amendment. */
export interface ApprovedScope {
  budget: Money | null;
  dataCategories: readonly string[];
  technologies: readonly string[];
  vendors: readonly VendorScope[];
}

export const AMENDMENT_FIELDS = ['budget', 'dataCategories', 'technologies', 'vendors'] as const;
export type AmendmentField = (typeof AMENDMENT_FIELDS)[number];

/** What a decision recorded: the approved scope plus the risk picture it was decided on. */
export interface DecisionSnapshot extends ApprovedScope {
  riskLevel: RiskLevel;
  recommendation: Recommendation;
  assessmentId: string;
  assessmentRevision: number;
  frameworkVersionId: string;
}

const sortedSet = (values: readonly string[]): string => JSON.stringify([...new Set(values)].sort());
const norm = (s: string): string => s.trim().replace(/\s+/g, ' ');
const vendorKey = (v: VendorScope): string => JSON.stringify([norm(v.name).toLowerCase(), norm(v.service), norm(v.dataShared)]);
const moneyKey = (m: Money | null): string => (m === null ? 'none' : `${m.amount} ${m.currency.toUpperCase()}`);

/**
 * The amendment fields whose value differs between `approved` and `proposed`. Order never matters
 * (technologies, categories and vendors are sets) and neither does whitespace or the case of a
 * vendor's name; anything else — a budget cut included — is a change to what was approved.
 */
export function amendedFields(approved: ApprovedScope, proposed: ApprovedScope): AmendmentField[] {
  const changed: AmendmentField[] = [];
  if (moneyKey(approved.budget) !== moneyKey(proposed.budget)) changed.push('budget');
  if (sortedSet(approved.dataCategories) !== sortedSet(proposed.dataCategories)) changed.push('dataCategories');
  if (sortedSet(approved.technologies) !== sortedSet(proposed.technologies)) changed.push('technologies');
  if (sortedSet(approved.vendors.map(vendorKey)) !== sortedSet(proposed.vendors.map(vendorKey))) changed.push('vendors');
  return changed;
}

export function isAmendmentField(field: string): field is AmendmentField {
  return (AMENDMENT_FIELDS as readonly string[]).includes(field);
}
