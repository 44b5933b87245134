import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { ConditionStatus } from '../approval-conditions';

/** A condition of approval (DOMAIN.md §6): open until its owner meets it or the deciding manager waives it. */
@Entity('approval_condition')
export class ApprovalCondition {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') projectId!: string;
  @Column('uuid') decisionId!: string;
  @Column('int') position!: number;
  @Column('text') text!: string;
  @Column('uuid') ownerId!: string;
  @Column('date') dueDate!: string;
  @Column('text', { default: 'open' }) status!: ConditionStatus;
  @Column('text', { nullable: true }) evidenceNote!: string | null;
  @Column('text', { nullable: true }) waiverReason!: string | null;
  @Column('uuid', { nullable: true }) closedById!: string | null;
  @Column({ type: 'timestamptz', precision: 3, nullable: true }) closedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz', precision: 3 }) updatedAt!: Date;
  @VersionColumn() version!: number;
}
