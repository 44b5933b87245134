import {
  Column,
  CreateDateColumn,
  Entity,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
  VirtualColumn,
} from 'typeorm';
import type { DataCategory, RiskLevelValue, Technology } from '../project-fields';
import { ProjectKpi, ProjectTeamMember, ProjectVendor } from './project-children.entity';

/** A customer-facing tech project proposed by a HERO (DOMAIN.md §3). */
@Entity('project')
export class Project {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** HC-YYYY-NNNN, sequential per year, assigned at creation. */
  @Column('text') reference!: string;
  @Column('text') title!: string;
  @Column('text', { default: '' }) summary!: string;
  @Column('text', { default: '' }) customerProblem!: string;
  @Column('text', { default: '' }) customerTask!: string;
  @Column('text', { default: '' }) targetCustomers!: string;
  @Column('text', { default: '' }) solution!: string;
  @Column('text', { array: true, default: () => "'{}'" }) technologies!: Technology[];
  @Column('text', { array: true, default: () => "'{}'" }) dataCategories!: DataCategory[];
  @Column('bigint', { nullable: true }) budgetAmount!: string | null;
  @Column('char', { length: 3, nullable: true }) budgetCurrency!: string | null;
  @Column('date', { nullable: true }) targetLaunchDate!: string | null;
  @Column('text', { array: true, default: () => "'{}'" }) tags!: string[];
  @Column('uuid') proposerId!: string;
  @Column('uuid') orgUnitId!: string;
  @Column('text', { default: 'draft' }) state!: string;
  @Column('text', { nullable: true }) riskLevel!: RiskLevelValue | null;
  /** The HERO's self-screening answers (null until done) and what they yield. */
  @Column('jsonb', { nullable: true }) selfScreening!: Record<string, boolean> | null;
  @Column('text', { nullable: true }) indicativeTier!: string | null;
  @Column('boolean', { default: false }) fastTrack!: boolean;
  @Column('text', { nullable: true }) fastTrackRemovedReason!: string | null;
  /** Effort & value questionnaire answers and scores (DOMAIN.md §3). */
  @Column('jsonb', { nullable: true }) effortValue!: Record<string, number> | null;
  @Column('int', { nullable: true }) valueScore!: number | null;
  @Column('int', { nullable: true }) effortScore!: number | null;
  @Column('text', { nullable: true }) valueVerdict!: string | null;
  @Column('uuid', { nullable: true }) assignedAdvisorId!: string | null;
  @Column('timestamptz', { nullable: true }) submittedAt!: Date | null;
  @Column('timestamptz', { nullable: true }) stateChangedAt!: Date | null;
  /** Set by launch, and by retire with its reason (DOMAIN.md §4, §7; Decisions migration). */
  @Column({ type: 'timestamptz', precision: 3, nullable: true }) launchedAt!: Date | null;
  @Column({ type: 'timestamptz', precision: 3, nullable: true }) retiredAt!: Date | null;
  @Column('text', { nullable: true }) retirementReason!: string | null;
  // Millisecond precision: list cursors carry these as ISO strings (ms), so rows must compare equal.
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz', precision: 3 }) updatedAt!: Date;
  @VersionColumn() version!: number;
  /** Colleagues' supports (src/supports), counted whenever a project is loaded; never written. */
  @VirtualColumn({ type: 'int', query: (alias) => `SELECT count(*)::int FROM project_support ps WHERE ps.project_id = ${alias}.id` })
  supportCount!: number;
  /**
   * Full-text search vector, kept by PostgreSQL (migration 1795401300000-ProjectSearchVector, GIN
   * index); the list filters on it. Never read into the entity and never written: `asExpression` must
   * stay the migration's text, which TypeORM compares when checking the schema.
   */
  @Column({
    type: 'tsvector',
    nullable: true,
    select: false,
    insert: false,
    update: false,
    generatedType: 'STORED',
    asExpression: `to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(customer_task, '') || ' ' || coalesce(summary, ''))`,
  })
  searchTsv?: string;

  @OneToMany(() => ProjectVendor, (v) => v.project, { cascade: true }) vendors!: ProjectVendor[];
  @OneToMany(() => ProjectKpi, (k) => k.project, { cascade: true }) kpis!: ProjectKpi[];
  @OneToMany(() => ProjectTeamMember, (m) => m.project, { cascade: true }) team!: ProjectTeamMember[];
}
