import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { RiskThresholds } from '../risk-scoring';
import type { FrameworkDimension, FrameworkScale } from '../risk-framework-v1';

/** A version of the risk framework (DOMAIN.md §5). Drafts are the CIO's; published versions are immutable (DB trigger too). */
@Entity('risk_framework_version')
export class RiskFrameworkVersion {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** Assigned at publication: 1, 2, 3… Null while a draft. */
  @Column('int', { nullable: true }) number!: number | null;
  @Column('text') title!: string;
  @Column('text') description!: string;
  @Column('jsonb') dimensions!: FrameworkDimension[];
  @Column('jsonb') scale!: FrameworkScale;
  @Column('jsonb') thresholds!: RiskThresholds;
  @Column('text') status!: 'draft' | 'published';
  @Column('uuid', { nullable: true }) createdById!: string | null;
  @Column('timestamptz', { nullable: true }) publishedAt!: Date | null;
  @Column('uuid', { nullable: true }) publishedById!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
  @VersionColumn() version!: number;
}
