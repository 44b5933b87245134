import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { SlaStage } from './sla-rules';

/** A stage that overran its SLA, recorded once per visit of the stage (DOMAIN.md §8). */
@Entity('sla_breach')
export class SlaBreach {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') projectId!: string;
  @Column('text') stage!: SlaStage;
  /** project.stateChangedAt when the breach was found: with (project, stage) the once-only key. */
  @Column('timestamptz') stateEnteredAt!: Date;
  @Column('timestamptz') dueAt!: Date;
  @Column('int') targetBusinessDays!: number;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) detectedAt!: Date;
  @Column('uuid', { array: true, default: () => "'{}'" }) escalatedTo!: string[];
}
