import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

export const ORG_UNIT_KINDS = ['company', 'division', 'department', 'team'] as const;
export type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number];

/**
 * A node of the org tree. `path` is the materialized path of ids ('/root/child/'), so "this unit
 * and everything below" is one indexed prefix match (path LIKE '/root/%').
 */
@Entity('org_unit')
export class OrgUnit {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') name!: string;
  @Column('text') kind!: OrgUnitKind;
  @Column('uuid', { nullable: true }) parentId!: string | null;
  @Column('text') path!: string;
  @Column('int') depth!: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
  @VersionColumn() version!: number;
}
