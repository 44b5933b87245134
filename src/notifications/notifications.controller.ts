import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../common/openapi/api-problems.decorator';
import { Page, pageDtoOf } from '../common/pagination/pagination';
import { CurrentPrincipal, RequirePermissions, UsersOnly } from '../identity/auth/auth.decorators';
import type { Principal } from '../identity/auth/principal';
import type { Locale } from '../i18n/locale';
import { ResponseLocale } from '../i18n/request-locale';
import { NotificationDto, NotificationQueryDto, UnreadCountDto } from './dto/notification.dto';
import { NotificationsService } from './notifications.service';

/** The signed-in person's in-app notifications (DOMAIN.md §10). */
@ApiTags('notify')
@Controller('notifications')
@RequirePermissions('notification.read')
@UsersOnly()
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({
    summary: 'My notifications, newest first (filter with unread=true)',
    description: 'Titles and bodies in my language (my locale, else Accept-Language; Content-Language says which), see docs/i18n.md.',
  })
  @ApiOkResponse({ type: pageDtoOf(NotificationDto) })
  @ApiProblems(400)
  list(
    @CurrentPrincipal() p: Principal,
    @Query() query: NotificationQueryDto,
    @ResponseLocale() locale: Locale,
  ): Promise<Page<NotificationDto>> {
    return this.notifications.list(p, query, locale);
  }

  @Get('unread-count')
  @ApiOperation({ summary: 'How many of my notifications are unread' })
  @ApiOkResponse({ type: UnreadCountDto })
  async unreadCount(@CurrentPrincipal() p: Principal): Promise<UnreadCountDto> {
    return { count: await this.notifications.unreadCount(p) };
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark one of my notifications read (idempotent); anyone else’s is a 404' })
  @ApiOkResponse({ type: NotificationDto })
  @ApiProblems(404)
  markRead(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @ResponseLocale() locale: Locale,
  ): Promise<NotificationDto> {
    return this.notifications.markRead(p, id, locale);
  }
}
