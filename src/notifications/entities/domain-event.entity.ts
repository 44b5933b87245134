import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A domain event: the transactional outbox row (DOMAIN.md §4, §10). Written in the same transaction
 * as the change it describes; webhooks are delivered from it and notifications point to it.
 */
@Entity('domain_event')
export class DomainEventRow {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') type!: string;
  /** Version of the `data` shape for this type (docs/webhooks.md). */
  @Column('int', { default: 1 }) schemaVersion!: number;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) occurredAt!: Date;
  @Column('text') actorType!: 'user' | 'api_key' | 'system';
  @Column('uuid', { nullable: true }) actorId!: string | null;
  @Column('text') actorName!: string;
  @Column('uuid', { nullable: true }) projectId!: string | null;
  /** The project's org unit when the event happened: scoped subscriptions filter on it. */
  @Column('uuid', { nullable: true }) orgUnitId!: string | null;
  @Column('jsonb') data!: Record<string, unknown>;
  @Column('text', { nullable: true }) requestId!: string | null;
}
