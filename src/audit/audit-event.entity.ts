import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { JsonValue } from './audit-chain';

/**
 * One append-only, hash-chained audit event (DOMAIN.md §9). The database refuses UPDATE, DELETE
 * and TRUNCATE on this table (trigger installed by the Audit migration).
 */
@Entity('audit_event')
export class AuditEvent {
  /** Chain order. bigint comes back from pg as a string. */
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' }) seq!: string;
  @Column('timestamptz') occurredAt!: Date;
  @Column('text') actorType!: 'user' | 'api_key' | 'system';
  @Column('uuid', { nullable: true }) actorId!: string | null;
  @Column('text') actorName!: string;
  @Column('text') action!: string;
  @Column('text') entityType!: string;
  @Column('text', { nullable: true }) entityId!: string | null;
  @Column('uuid', { nullable: true }) projectId!: string | null;
  @Column('jsonb', { nullable: true }) before!: JsonValue | null;
  @Column('jsonb', { nullable: true }) after!: JsonValue | null;
  @Column('text', { nullable: true }) requestId!: string | null;
  @Column('char', { length: 64 }) prevHash!: string;
  @Column('char', { length: 64 }) hash!: string;
}
