import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { CompactGroup } from './compact-groups';

export type CompactCommitments = Record<CompactGroup, string[]>;

/** A version of the compact. Drafts are editable; published versions are immutable (DB trigger too). */
@Entity('compact_version')
export class CompactVersion {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** Assigned at publication: 1, 2, 3… Null while a draft. */
  @Column('int', { nullable: true }) number!: number | null;
  @Column('text') title!: string;
  @Column('text') intro!: string;
  @Column('jsonb') commitments!: CompactCommitments;
  @Column('text') status!: 'draft' | 'published';
  @Column('uuid', { nullable: true }) createdById!: string | null;
  @Column('timestamptz', { nullable: true }) publishedAt!: Date | null;
  @Column('uuid', { nullable: true }) publishedById!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
  @VersionColumn() version!: number;
}

/** One user's acknowledgement of one version for one group. Append-only. */
@Entity('compact_acknowledgement')
export class CompactAcknowledgement {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') userId!: string;
  @Column('uuid') compactVersionId!: string;
  @Column('text') compactGroup!: CompactGroup;
  @CreateDateColumn({ type: 'timestamptz' }) acknowledgedAt!: Date;
}
