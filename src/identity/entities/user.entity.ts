import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { Locale } from '../../i18n/locale';
import type { Role } from '../auth/roles';

export type UserStatus = 'active' | 'disabled';

@Entity('app_user')
export class User {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** Stored as given; uniqueness is case-insensitive (unique index on lower(email)). */
  @Column('text') email!: string;
  @Column('text') displayName!: string;
  @Column('uuid') orgUnitId!: string;
  /** Explicit roles; `hero` is implied for every active user. */
  @Column('text', { array: true, default: () => "'{}'" }) roles!: Role[];
  /** Managers' approval limit in minor units (bigint, read as string by pg). */
  @Column('bigint', { nullable: true }) approvalLimitAmount!: string | null;
  @Column('char', { length: 3, nullable: true }) approvalLimitCurrency!: string | null;
  @Column('text', { default: 'active' }) status!: UserStatus;
  @Column('text', { nullable: true }) passwordHash!: string | null;
  /** The language the user chose ('en' | 'fr'); null: follow the browser's Accept-Language (docs/i18n.md). */
  @Column('text', { nullable: true }) locale!: Locale | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
  @VersionColumn() version!: number;
}
