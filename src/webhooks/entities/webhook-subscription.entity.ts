import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** Where and which events to deliver, signed with `secret` (DOMAIN.md §10). */
@Entity('webhook_subscription')
export class WebhookSubscription {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') url!: string;
  @Column('text', { default: '' }) description!: string;
  /** Event types to deliver; ['*'] means every type. */
  @Column('text', { array: true }) eventTypes!: string[];
  /** `whsec_<base64>`: needed in clear to sign, so it is never returned after creation. */
  @Column('text') secret!: string;
  @Column('boolean', { default: true }) enabled!: boolean;
  @Column('text', { nullable: true }) disabledReason!: string | null;
  @Column({ type: 'timestamptz', precision: 3, nullable: true }) disabledAt!: Date | null;
  @Column('int', { default: 0 }) consecutiveFailures!: number;
  @Column('text') ownerType!: 'user' | 'api_key';
  @Column('uuid') ownerId!: string;
  /** A unit-bound API key's subscription only receives events of projects in that unit's subtree. */
  @Column('uuid', { nullable: true }) orgUnitScope!: string | null;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz', precision: 3 }) updatedAt!: Date;
  @VersionColumn() version!: number;
}
