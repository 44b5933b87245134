import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ApiScope } from '../auth/roles';

/** An integration's key: shown once, stored as SHA-256 of the secret, found by its visible prefix. */
@Entity('api_key')
export class ApiKey {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') name!: string;
  @Column('text') prefix!: string;
  @Column('text') secretHash!: string;
  @Column('text', { array: true }) scopes!: ApiScope[];
  /** The admin who created it; the key stops working if that account is disabled. */
  @Column('uuid') ownerId!: string;
  /** Optional: limits what the key sees to this unit's subtree. */
  @Column('uuid', { nullable: true }) orgUnitId!: string | null;
  @Column('timestamptz') expiresAt!: Date;
  @Column('timestamptz', { nullable: true }) lastUsedAt!: Date | null;
  @Column('timestamptz', { nullable: true }) revokedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
