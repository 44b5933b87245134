import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A colleague's support for a project ("my customers need this"): one per person and project. */
@Entity('project_support')
export class ProjectSupport {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') projectId!: string;
  @Column('uuid') userId!: string;
  @Column('text', { nullable: true }) note!: string | null;
  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' }) createdAt!: Date;
  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' }) updatedAt!: Date;
}
