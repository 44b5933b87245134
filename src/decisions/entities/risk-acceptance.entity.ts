import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { RiskLevel } from '../../risk/risk-scoring';

/**
 * A manager's written acceptance of residual risk, required when approving against IT's
 * `do_not_proceed` advice (DOMAIN.md §6). Immutable; it stops being in force when it expires, when
 * the CIO declines the approval, or when a later decision supersedes the one it belongs to.
 */
@Entity('risk_acceptance')
export class RiskAcceptance {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') projectId!: string;
  @Column('uuid') decisionId!: string;
  @Column('uuid') acceptedById!: string;
  @Column('text') statement!: string;
  @Column('text') acceptedLevel!: RiskLevel;
  @Column('date') expiresOn!: string;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt!: Date;
}
