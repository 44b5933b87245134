import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { ProblemError } from '../../common/problem/problem';
import { AuthService } from '../auth/auth.service';
import type { ActorRef } from '../auth/principal';
import type { TokenPairDto } from '../dto/identity.dto';
import { OrgUnit } from '../entities/org-unit.entity';
import { User } from '../entities/user.entity';
import { userAuditView } from '../identity.mappers';
import { SsoIdentity } from './entities/sso-identity.entity';
import type { SsoProfile } from './sso-claims';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Account changes driven by the provider's claims are the provider's doing, not the person's. */
const SSO_ACTOR: ActorRef = { type: 'system', id: null, name: 'sso' };

const conflict = (detail: string): ProblemError => new ProblemError(409, 'sso-account-conflict', 'Account conflict', detail);
const disabled = (): ProblemError =>
  new ProblemError(403, 'sso-account-disabled', 'Account disabled', 'Your HERO Compact account is disabled. Ask an administrator.');
const unitUnmapped = (): ProblemError =>
  new ProblemError(
    403,
    'sso-org-unit-unmapped',
    'No org unit for this account',
    "Your provider account's org unit maps to no HERO Compact unit, and no default unit is configured. Ask an administrator.",
  );

const sameRoles = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((r) => b.includes(r));
const userActor = (u: User): ActorRef => ({ type: 'user', id: u.id, name: u.displayName });

/**
 * Creates or updates the user from a validated ID token and signs them in, in one transaction with
 * its audit events. The link is (issuer, subject); an unlinked existing account is linked by email
 * only when the provider says the email is verified.
 */
@Injectable()
export class SsoProvisioning {
  private readonly logger = new Logger(SsoProvisioning.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly auth: AuthService,
  ) {}

  async signIn(issuer: string, profile: SsoProfile): Promise<TokenPairDto> {
    const outcome = await this.dataSource.transaction(async (em) => {
      const user = (await this.linkedUser(em, issuer, profile)) ?? (await this.linkOrCreate(em, issuer, profile));
      if (user.status !== 'active') {
        // Recorded and committed, then refused: attempts on a disabled account are worth seeing.
        await this.audit.record(em, { ...this.loginEvent(user, issuer, profile), action: 'auth.sso_login_refused' });
        return undefined;
      }
      await this.applyProfile(em, user, profile);
      await em.getRepository(SsoIdentity).update({ issuer, subject: profile.subject }, { lastLoginAt: new Date() });
      await this.audit.record(em, this.loginEvent(user, issuer, profile));
      return this.auth.startSession(em, user);
    });
    if (!outcome) throw disabled();
    return outcome;
  }

  private loginEvent(user: User, issuer: string, profile: SsoProfile): Parameters<AuditService['record']>[1] {
    return {
      actor: userActor(user),
      action: 'auth.sso_login',
      entityType: 'user',
      entityId: user.id,
      after: { issuer, subject: profile.subject },
    };
  }

  private async linkedUser(em: EntityManager, issuer: string, profile: SsoProfile): Promise<User | undefined> {
    const identity = await em.getRepository(SsoIdentity).findOneBy({ issuer, subject: profile.subject });
    if (!identity) return undefined;
    return em.getRepository(User).findOneOrFail({ where: { id: identity.userId }, lock: { mode: 'pessimistic_write' } });
  }

  private async linkOrCreate(em: EntityManager, issuer: string, profile: SsoProfile): Promise<User> {
    const existing = await this.userByEmail(em, profile.email);
    if (!existing) return this.create(em, issuer, profile);
    if (existing.status !== 'active') return existing; // refused by signIn, and not linked
    if (!profile.emailVerified) {
      throw conflict('An account with this email exists, and the provider does not confirm the email is verified. Ask an administrator.');
    }
    if (await em.getRepository(SsoIdentity).existsBy({ userId: existing.id, issuer })) {
      throw conflict('The account with this email is already linked to another identity at this provider.');
    }
    await this.insertIdentity(em, existing.id, issuer, profile.subject);
    await this.audit.record(em, {
      actor: SSO_ACTOR,
      action: 'user.sso_link',
      entityType: 'user',
      entityId: existing.id,
      after: { issuer, subject: profile.subject },
    });
    return existing;
  }

  private async create(em: EntityManager, issuer: string, profile: SsoProfile): Promise<User> {
    const unit = (await this.resolveUnit(em, profile.orgUnitRef)) ?? (await this.resolveUnit(em, profile.defaultOrgUnitRef));
    if (!unit) throw unitUnmapped();
    const repo = em.getRepository(User);
    const user = await repo.save(
      repo.create({
        email: profile.email,
        displayName: profile.displayName,
        orgUnitId: unit.id,
        roles: profile.roles ?? [],
        passwordHash: null,
      }),
    );
    await this.insertIdentity(em, user.id, issuer, profile.subject);
    await this.audit.record(em, {
      actor: SSO_ACTOR,
      action: 'user.create',
      entityType: 'user',
      entityId: user.id,
      after: { ...userAuditView(user), sso: { issuer, subject: profile.subject } },
    });
    return user;
  }

  /** The provider is the source of truth for what it manages: email, name, and roles / unit when their claims are configured. */
  private async applyProfile(em: EntityManager, user: User, profile: SsoProfile): Promise<void> {
    const before = userAuditView(user);
    if (profile.email.toLowerCase() !== user.email.toLowerCase()) {
      const taken = await this.userByEmail(em, profile.email);
      if (taken && taken.id !== user.id) throw conflict('Another account already uses the email the provider now gives for you.');
    }
    user.email = profile.email;
    user.displayName = profile.displayName;
    if (profile.roles && !sameRoles(user.roles, profile.roles)) {
      user.roles = profile.roles;
      // An approval limit only makes sense for a manager (as in UsersService).
      if (!profile.roles.includes('manager')) Object.assign(user, { approvalLimitAmount: null, approvalLimitCurrency: null });
    }
    const unit = await this.resolveUnit(em, profile.orgUnitRef);
    if (unit) user.orgUnitId = unit.id;
    const after = userAuditView(user);
    if (JSON.stringify(before) === JSON.stringify(after)) return;
    const saved = await em.getRepository(User).save(user);
    await this.audit.record(em, {
      actor: SSO_ACTOR,
      action: 'user.update',
      entityType: 'user',
      entityId: user.id,
      before,
      after: userAuditView(saved),
    });
  }

  /** A unit by id, or by name (case-insensitive) when exactly one unit has it. */
  private async resolveUnit(em: EntityManager, ref: string | null): Promise<OrgUnit | undefined> {
    if (!ref) return undefined;
    const repo = em.getRepository(OrgUnit);
    if (UUID.test(ref)) return (await repo.findOneBy({ id: ref })) ?? undefined;
    const units = await repo.createQueryBuilder('o').where('lower(o.name) = lower(:ref)', { ref }).limit(2).getMany();
    if (units.length !== 1) this.logger.warn(`SSO org unit "${ref}" matches ${units.length === 0 ? 'no' : 'more than one'} unit`);
    return units.length === 1 ? units[0] : undefined;
  }

  private userByEmail(em: EntityManager, email: string): Promise<User | null> {
    return em
      .getRepository(User)
      .createQueryBuilder('u')
      .where('lower(u.email) = lower(:email)', { email })
      .setLock('pessimistic_write')
      .getOne();
  }

  private async insertIdentity(em: EntityManager, userId: string, issuer: string, subject: string): Promise<void> {
    await em.getRepository(SsoIdentity).insert({ userId, issuer, subject, lastLoginAt: new Date() });
  }
}
