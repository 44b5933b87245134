import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { RiskLevel } from '../../risk/risk-scoring';
import type { DecisionSnapshot } from '../decision-evidence';
import type { CosignOutcome, DecisionOutcome, Recommendation } from '../separation-of-duties';

/**
 * - `pending_cosign`: approved by the manager, waiting for the CIO (high/critical risk).
 * - `effective`: the outcome took effect (approved after co-sign or without one, rejected, changes requested).
 * - `cosign_declined`: the CIO declined the approval; the project was rejected.
 */
export type DecisionStatus = 'pending_cosign' | 'effective' | 'cosign_declined';

/**
 * A manager's decision on one assessment revision (DOMAIN.md §6), with the evidence of what was
 * decided. At most one decision per project is current (`supersededAt` null); a later decision, on a
 * new assessment revision after changes or an amendment, supersedes it.
 */
@Entity('decision')
export class Decision {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') projectId!: string;
  /** The assessment revision decided on: one decision per revision. */
  @Column('uuid') assessmentId!: string;
  @Column('int') assessmentRevision!: number;
  @Column('uuid') assessorId!: string;
  @Column('text') recommendation!: Recommendation;
  @Column('text') riskLevel!: RiskLevel;
  @Column('uuid') deciderId!: string;
  @Column('text') outcome!: DecisionOutcome;
  @Column('text') rationale!: string;
  @Column('text') status!: DecisionStatus;
  @Column('jsonb') snapshot!: DecisionSnapshot;
  @Column('boolean') cosignRequired!: boolean;
  @Column('uuid', { nullable: true }) cosignerId!: string | null;
  @Column('text', { nullable: true }) cosignOutcome!: CosignOutcome | null;
  @Column('text', { nullable: true }) cosignRationale!: string | null;
  @Column({ type: 'timestamptz', precision: 3, nullable: true }) cosignedAt!: Date | null;
  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' }) decidedAt!: Date;
  @Column({ type: 'timestamptz', precision: 3, nullable: true }) supersededAt!: Date | null;
}
