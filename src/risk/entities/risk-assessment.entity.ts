import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { ScopeEntry } from '../assessment-rules';
import type { Recommendation } from '../assessment-summary';
import type { RiskLevel } from '../risk-scoring';

export type AssessmentStatus = 'draft' | 'submitted';

export interface Mitigation {
  text: string;
  owner: string;
  dueDate: string | null;
  status: 'open' | 'done';
  dimension: string | null;
}

export interface ProposedCondition {
  text: string;
  ownerId: string | null;
  dueDate: string | null;
}

/**
 * One revision of a project's risk assessment (DOMAIN.md §5). A draft is the advisor's work in
 * progress; a submitted revision is immutable (DB trigger) and is what the manager decides on.
 */
@Entity('risk_assessment')
export class RiskAssessment {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') projectId!: string;
  @Column('int') revision!: number;
  @Column('uuid') frameworkVersionId!: string;
  @Column('text', { default: 'draft' }) status!: AssessmentStatus;
  /** A fast-track project's light assessment: only the dimensions its self-screening touches. */
  @Column('boolean', { default: false }) light!: boolean;
  @Column('jsonb', { default: () => "'[]'" }) scope!: ScopeEntry[];
  @Column('uuid') createdById!: string;
  /** Who gives the advice: the creator while a draft, the submitter once submitted. */
  @Column('uuid') assessorId!: string;
  @Column('text', { nullable: true }) recommendation!: Recommendation | null;
  @Column('text', { default: '' }) summary!: string;
  /** Set at submission: the highest residual level (low for a light assessment with nothing in scope). */
  @Column('text', { nullable: true }) overallLevel!: RiskLevel | null;
  @Column('jsonb', { default: () => "'[]'" }) mitigations!: Mitigation[];
  @Column('jsonb', { default: () => "'[]'" }) proposedConditions!: ProposedCondition[];
  @Column('uuid', { nullable: true }) copiedFromId!: string | null;
  @Column('timestamptz', { nullable: true }) submittedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz', precision: 3 }) updatedAt!: Date;
  @VersionColumn() version!: number;
}

/** One dimension's rating; scores and levels are computed by the server (risk-scoring.ts). */
@Entity('risk_assessment_rating')
export class RiskAssessmentRating {
  @PrimaryColumn('uuid') assessmentId!: string;
  @PrimaryColumn('text') dimension!: string;
  @Column('int') likelihood!: number;
  @Column('int') impact!: number;
  @Column('int') residualLikelihood!: number;
  @Column('int') residualImpact!: number;
  @Column('text', { default: '' }) rationale!: string;
  @Column('int') inherentScore!: number;
  @Column('text') inherentLevel!: RiskLevel;
  @Column('int') residualScore!: number;
  @Column('text') residualLevel!: RiskLevel;
}
