import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One lifecycle transition (written by ProjectLifecycleService.run); the source of cycle-time reports. */
@Entity('project_transition')
export class ProjectTransition {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' }) id!: string;
  @Column('uuid') projectId!: string;
  @Column('text') action!: string;
  @Column('text') fromState!: string;
  @Column('text') toState!: string;
  /** When the project entered `fromState`: the time spent there is `at - fromEnteredAt`. */
  @Column('timestamptz') fromEnteredAt!: Date;
  @Column('timestamptz') at!: Date;
  @Column('uuid', { nullable: true }) actorId!: string | null;
}
