import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { assertVersion } from '../../common/http/if-match';
import { isUniqueViolation } from '../../common/problem/database-errors';
import { decodeCursor, DEFAULT_PAGE_SIZE, Page, toPage } from '../../common/pagination/pagination';
import { FieldError, NotFoundProblem, ProblemError, ValidationProblem } from '../../common/problem/problem';
import { AuditService } from '../../audit/audit.service';
import { AuthService } from '../auth/auth.service';
import { PasswordHasher } from '../auth/password-hasher';
import { passwordWeakness } from '../auth/password-policy';
import { actorOf, type Principal } from '../auth/principal';
import type { Role } from '../auth/roles';
import { CreateUserDto, MeDto, UpdateMeDto, UpdateUserDto, UserDto, UserListQueryDto } from '../dto/identity.dto';
import { OrgUnit } from '../entities/org-unit.entity';
import { User } from '../entities/user.entity';
import { toUserDto, userAuditView } from '../identity.mappers';

const emailTaken = (): ProblemError =>
  new ProblemError(409, 'email-taken', 'Email already in use', 'Another account already uses this email address.', {}, [
    { field: 'email', message: 'email is already in use' },
  ]);

/** People administration (admin) and the employee directory (everyone). */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
    private readonly auth: AuthService,
  ) {}

  async list(query: UserListQueryDto): Promise<Page<UserDto>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor<{ email: string; id: string }>(query.cursor, ['email', 'id']);
    const qb = this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .orderBy('lower(u.email)', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .limit(limit + 1);
    if (after) qb.andWhere('(lower(u.email), u.id) > (:email, :id)', after);
    if (query.q) qb.andWhere('(u.email ILIKE :q OR u.displayName ILIKE :q)', { q: `%${query.q.replace(/[%_\\]/g, '\\$&')}%` });
    if (query.orgUnitId) qb.andWhere('u.orgUnitId = :orgUnitId', { orgUnitId: query.orgUnitId });
    if (query.role && query.role !== 'hero') qb.andWhere(':role = ANY(u.roles)', { role: query.role });
    if (query.status) qb.andWhere('u.status = :status', { status: query.status });
    return toPage(await qb.getMany(), limit, toUserDto, (u) => ({ email: u.email.toLowerCase(), id: u.id }));
  }

  async get(id: string): Promise<User> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id });
    if (!user) throw new NotFoundProblem('User');
    return user;
  }

  async create(principal: Principal, dto: CreateUserDto): Promise<UserDto> {
    const errors = this.checkManagerLimit(dto.roles ?? [], dto.approvalLimit);
    if (dto.password !== undefined) {
      const weakness = passwordWeakness(dto.password, [dto.email, dto.displayName]);
      if (weakness) errors.push({ field: 'password', message: weakness });
    }
    if (errors.length) throw new ValidationProblem(errors);
    const passwordHash = dto.password !== undefined ? await this.hasher.hash(dto.password) : null;
    try {
      return await this.dataSource.transaction(async (em) => {
        await this.assertUnitExists(em, dto.orgUnitId);
        if (await this.emailExists(em, dto.email)) throw emailTaken();
        const repo = em.getRepository(User);
        const user = await repo.save(
          repo.create({
            email: dto.email,
            displayName: dto.displayName,
            orgUnitId: dto.orgUnitId,
            roles: (dto.roles ?? []).filter((r) => r !== 'hero'),
            approvalLimitAmount: dto.approvalLimit ? String(dto.approvalLimit.amount) : null,
            approvalLimitCurrency: dto.approvalLimit?.currency ?? null,
            passwordHash,
            locale: dto.locale ?? null,
          }),
        );
        await this.audit.record(em, {
          actor: actorOf(principal),
          action: 'user.create',
          entityType: 'user',
          entityId: user.id,
          after: userAuditView(user),
        });
        return toUserDto(user);
      });
    } catch (err) {
      throw isUniqueViolation(err) ? emailTaken() : err;
    }
  }

  async update(principal: Principal, id: string, expectedVersion: number, dto: UpdateUserDto): Promise<UserDto> {
    return this.dataSource.transaction(async (em) => {
      const repo = em.getRepository(User);
      const user = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw new NotFoundProblem('User');
      assertVersion(expectedVersion, user.version);
      // Checked against the user's own email and name, as on create, so neither can become the password.
      const passwordHash =
        dto.password !== undefined ? await this.hashChecked(dto.password, [user.email, dto.displayName ?? user.displayName]) : undefined;
      const before = userAuditView(user);
      const roles = dto.roles ? dto.roles.filter((r) => r !== 'hero') : user.roles;
      if (principal.id === user.id && ((dto.roles && !roles.includes('admin')) || dto.status === 'disabled')) {
        throw new ProblemError(
          409,
          'self-lockout',
          'Cannot lock yourself out',
          'An admin cannot remove their own admin role or disable their own account.',
        );
      }
      const limit = dto.approvalLimit === undefined ? this.currentLimit(user) : dto.approvalLimit;
      const errors = this.checkManagerLimit(roles, limit);
      if (errors.length) throw new ValidationProblem(errors);
      if (dto.orgUnitId) await this.assertUnitExists(em, dto.orgUnitId);
      Object.assign(user, {
        displayName: dto.displayName ?? user.displayName,
        orgUnitId: dto.orgUnitId ?? user.orgUnitId,
        roles,
        approvalLimitAmount: limit ? String(limit.amount) : null,
        approvalLimitCurrency: limit?.currency ?? null,
        status: dto.status ?? user.status,
        locale: dto.locale === undefined ? user.locale : dto.locale,
        passwordHash: passwordHash ?? user.passwordHash,
      });
      const saved = await repo.save(user);
      if (dto.status === 'disabled' || passwordHash) await this.auth.revokeAllForUser(em, user.id);
      await this.audit.record(em, {
        actor: actorOf(principal),
        action: 'user.update',
        entityType: 'user',
        entityId: id,
        before,
        after: userAuditView(saved),
      });
      return toUserDto(saved);
    });
  }

  /**
   * PATCH /me: people set their own language and display name; roles, unit, limit and status stay
   * the admin's (PATCH /users/{id}). Same If-Match rule and audit trail as the admin's update.
   */
  async updateSelf(principal: Principal, expectedVersion: number, dto: UpdateMeDto): Promise<MeDto> {
    const id = principal.userId;
    if (!id) throw new ProblemError(403, 'forbidden', 'Not allowed', 'API keys cannot call this endpoint; a signed-in person must.');
    return this.dataSource.transaction(async (em) => {
      const repo = em.getRepository(User);
      const user = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw new NotFoundProblem('User');
      assertVersion(expectedVersion, user.version);
      const before = userAuditView(user);
      if (dto.locale !== undefined) user.locale = dto.locale;
      if (dto.displayName !== undefined) user.displayName = dto.displayName;
      const saved = await repo.save(user);
      await this.audit.record(em, {
        actor: actorOf(principal),
        action: 'user.update_self',
        entityType: 'user',
        entityId: id,
        before,
        after: userAuditView(saved),
      });
      return this.auth.toMe(em, saved);
    });
  }

  private async hashChecked(password: string, userInputs: string[]): Promise<string> {
    const weakness = passwordWeakness(password, userInputs);
    if (weakness) throw new ValidationProblem([{ field: 'password', message: weakness }]);
    return this.hasher.hash(password);
  }

  private currentLimit(user: User): { amount: number; currency: string } | null {
    return user.approvalLimitAmount === null || user.approvalLimitCurrency === null
      ? null
      : { amount: Number(user.approvalLimitAmount), currency: user.approvalLimitCurrency };
  }

  /** An approval limit only makes sense for a manager. */
  private checkManagerLimit(roles: Role[], limit: { amount: number } | null | undefined): FieldError[] {
    return limit && !roles.includes('manager')
      ? [{ field: 'approvalLimit', message: 'approvalLimit can only be set for a user with the manager role' }]
      : [];
  }

  private async assertUnitExists(em: EntityManager, orgUnitId: string): Promise<void> {
    if (!(await em.getRepository(OrgUnit).existsBy({ id: orgUnitId }))) {
      throw new ValidationProblem([{ field: 'orgUnitId', message: 'orgUnitId is not an existing org unit' }]);
    }
  }

  private async emailExists(em: EntityManager, email: string): Promise<boolean> {
    return em.getRepository(User).createQueryBuilder('u').where('lower(u.email) = lower(:email)', { email }).getExists();
  }
}
