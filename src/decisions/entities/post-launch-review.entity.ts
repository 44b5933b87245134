import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { KpiReportItemDto } from '../dto/kpi.dto';
import type { ReviewMilestone, ReviewOutcome } from '../post-launch-reviews';

/** The sponsoring manager's 30- or 90-day review of a launched project (DOMAIN.md §7). */
@Entity('post_launch_review')
export class PostLaunchReview {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') projectId!: string;
  @Column('int') milestone!: ReviewMilestone;
  @Column('date') dueOn!: string;
  @Column('text') outcome!: ReviewOutcome;
  @Column('text') rationale!: string;
  @Column('uuid') reviewerId!: string;
  /** The KPIs as the reviewer saw them: the evidence the outcome was decided on. */
  @Column('jsonb') kpis!: KpiReportItemDto[];
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) recordedAt!: Date;
}
