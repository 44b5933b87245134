import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { KpiDirection } from '../project-fields';
import { Project } from './project.entity';

/** An external vendor and what data it receives (DOMAIN.md §3). */
@Entity('project_vendor')
export class ProjectVendor {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') projectId!: string;
  @ManyToOne(() => Project, (p) => p.vendors, { onDelete: 'CASCADE', orphanedRowAction: 'delete' })
  @JoinColumn({ name: 'project_id' })
  project!: Relation<Project>;
  @Column('int') position!: number;
  @Column('text') name!: string;
  @Column('text') service!: string;
  @Column('text', { default: '' }) dataShared!: string;
}

/** A KPI the project will be measured against. */
@Entity('project_kpi')
export class ProjectKpi {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') projectId!: string;
  @ManyToOne(() => Project, (p) => p.kpis, { onDelete: 'CASCADE', orphanedRowAction: 'delete' })
  @JoinColumn({ name: 'project_id' })
  project!: Relation<Project>;
  @Column('int') position!: number;
  @Column('text') name!: string;
  @Column('text') unit!: string;
  @Column('numeric') baseline!: string;
  @Column('numeric') target!: string;
  @Column('text') direction!: KpiDirection;
}

/** A colleague working on the project (a participant: sees it, may act as the proposer's team). */
@Entity('project_team_member')
export class ProjectTeamMember {
  @PrimaryColumn('uuid') projectId!: string;
  @PrimaryColumn('uuid') userId!: string;
  @ManyToOne(() => Project, (p) => p.team, { onDelete: 'CASCADE', orphanedRowAction: 'delete' })
  @JoinColumn({ name: 'project_id' })
  project!: Relation<Project>;
}

/** Comments, and the questions and answers of request-info / respond. */
@Entity('project_comment')
export class ProjectComment {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') projectId!: string;
  @Column('uuid', { nullable: true }) authorId!: string | null;
  @Column('text') authorName!: string;
  @Column('text', { default: 'comment' }) kind!: 'comment' | 'question' | 'answer';
  @Column('text') body!: string;
  @Column('uuid', { array: true, default: () => "'{}'" }) mentions!: string[];
  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' }) createdAt!: Date;
}
