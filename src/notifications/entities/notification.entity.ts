import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An in-app notification for one person (DOMAIN.md §10). */
@Entity('notification')
export class Notification {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') userId!: string;
  /** The domain event behind it; null for operational notices (e.g. a webhook auto-disabled). */
  @Column('uuid', { nullable: true }) eventId!: string | null;
  @Column('text') type!: string;
  @Column('text') title!: string;
  @Column('text', { default: '' }) body!: string;
  /** The catalog message it was written from (docs/i18n.md): rendered in the reader's language; title/body are the English fallback. */
  @Column('text', { nullable: true }) messageKey!: string | null;
  @Column('jsonb', { nullable: true }) messageParams!: Record<string, unknown> | null;
  @Column('uuid', { nullable: true }) projectId!: string | null;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt!: Date;
  @Column({ type: 'timestamptz', precision: 3, nullable: true }) readAt!: Date | null;
}
