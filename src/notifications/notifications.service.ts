import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Page, pageByTime } from '../common/pagination/pagination';
import { NotFoundProblem, ProblemError } from '../common/problem/problem';
import type { Principal } from '../identity/auth/principal';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locale';
import { NotificationDto, NotificationQueryDto } from './dto/notification.dto';
import { renderNotificationMessage, type NotificationMessage } from './notification-message';
import { Notification } from './entities/notification.entity';

/** Rendered in the reader's language from its stored message; older rows keep their stored English text. */
const toDto = (n: Notification, locale: Locale): NotificationDto => ({
  id: n.id,
  type: n.type,
  ...(renderNotificationMessage(n.messageKey, n.messageParams, locale) ?? { title: n.title, body: n.body }),
  projectId: n.projectId,
  eventId: n.eventId,
  createdAt: n.createdAt.toISOString(),
  readAt: n.readAt?.toISOString() ?? null,
});

/** A person's own notifications (DOMAIN.md §10): nobody reads or marks anyone else's. */
@Injectable()
export class NotificationsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(principal: Principal, query: NotificationQueryDto, locale: Locale = DEFAULT_LOCALE): Promise<Page<NotificationDto>> {
    const qb = this.dataSource
      .getRepository(Notification)
      .createQueryBuilder('n')
      .where('n.userId = :me', { me: this.userIdOf(principal) });
    if (query.unread === true) qb.andWhere('n.readAt IS NULL');
    if (query.unread === false) qb.andWhere('n.readAt IS NOT NULL');
    return pageByTime(qb, query, (n) => toDto(n, locale), { alias: 'n' });
  }

  async unreadCount(principal: Principal): Promise<number> {
    const [{ count }] = await this.dataSource.query<[{ count: number }]>(
      'SELECT count(*)::int AS count FROM notification WHERE user_id = $1 AND read_at IS NULL',
      [this.userIdOf(principal)],
    );
    return count;
  }

  /** Idempotent: reading a read notification keeps its first read time. Someone else's is a 404. */
  async markRead(principal: Principal, id: string, locale: Locale = DEFAULT_LOCALE): Promise<NotificationDto> {
    const repo = this.dataSource.getRepository(Notification);
    await repo
      .createQueryBuilder()
      .update()
      .set({ readAt: () => 'COALESCE(read_at, now())' })
      .where('id = :id AND user_id = :me', { id, me: this.userIdOf(principal) })
      .execute();
    const n = await repo.findOneBy({ id, userId: this.userIdOf(principal) });
    if (!n) throw new NotFoundProblem('Notification');
    return toDto(n, locale);
  }

  /** An operational notice not tied to a domain event (e.g. a webhook auto-disabled), in the caller's transaction. */
  async notifyRole(em: EntityManager, role: 'admin' | 'cio', notice: { type: string; message: NotificationMessage }): Promise<void> {
    const text = renderNotificationMessage(notice.message.id, notice.message.params, 'en')!;
    await em.query(
      `INSERT INTO notification (user_id, type, title, body, message_key, message_params)
       SELECT id, $1, $2, $3, $5, $6 FROM app_user WHERE status = 'active' AND $4 = ANY(roles)`,
      [notice.type, text.title, text.body, role, notice.message.id, JSON.stringify(notice.message.params)],
    );
  }

  private userIdOf(principal: Principal): string {
    if (!principal.userId) throw new ProblemError(403, 'forbidden', 'Not allowed', 'Notifications belong to people, not API keys.');
    return principal.userId;
  }
}
