import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { ETAG_HEADER, IfMatchVersion, setETag } from '../common/http/if-match';
import { ApiProblems } from '../common/openapi/api-problems.decorator';
import { Page, pageDtoOf, PageQueryDto } from '../common/pagination/pagination';
import { CurrentPrincipal, RequirePermissions } from '../identity/auth/auth.decorators';
import type { Principal } from '../identity/auth/principal';
import { CreateWebhookDto, DeliveryQueryDto, UpdateWebhookDto, WebhookDeliveryDto, WebhookDto } from './dto/webhook.dto';
import { CompactPublishedDataDto, ProjectEventDataDto, SlaBreachedDataDto, WebhookEventDto } from './dto/webhook-event.dto';
import { WebhookDeliveriesService } from './webhook-deliveries.service';
import { WebhooksService } from './webhooks.service';

/** Webhook subscriptions and their delivery log (DOMAIN.md §10): admins, or API keys with webhooks:manage. */
@ApiTags('notify')
@ApiExtraModels(WebhookEventDto, ProjectEventDataDto, SlaBreachedDataDto, CompactPublishedDataDto)
@Controller('webhooks')
@RequirePermissions('webhook.manage')
export class WebhooksController {
  constructor(
    private readonly webhooks: WebhooksService,
    private readonly deliveries: WebhookDeliveriesService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Webhook subscriptions (admins: all; an API key: the ones it created)' })
  @ApiOkResponse({ type: pageDtoOf(WebhookDto) })
  @ApiProblems(400)
  list(@CurrentPrincipal() p: Principal, @Query() query: PageQueryDto): Promise<Page<WebhookDto>> {
    return this.webhooks.list(p, query);
  }

  @Post()
  @ApiOperation({ summary: 'Subscribe a URL to events. The signing secret is in this response only.' })
  @ApiCreatedResponse({ type: WebhookDto })
  @ApiProblems(400, 409, 422)
  create(@CurrentPrincipal() p: Principal, @Body() dto: CreateWebhookDto): Promise<WebhookDto> {
    return this.webhooks.create(p, dto);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One subscription (ETag for PATCH)' })
  @ApiOkResponse({ type: WebhookDto, headers: ETAG_HEADER })
  @ApiProblems(404)
  async get(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<WebhookDto> {
    const dto = await this.webhooks.get(p, id);
    setETag(res, dto.version);
    return dto;
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change URL, filter, description or secret; enable or disable. Requires If-Match.' })
  @ApiOkResponse({ type: WebhookDto, headers: ETAG_HEADER })
  @ApiProblems(400, 404, 412, 428)
  async update(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @IfMatchVersion() version: number,
    @Body() dto: UpdateWebhookDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<WebhookDto> {
    const updated = await this.webhooks.update(p, id, version, dto);
    setETag(res, updated.version);
    return updated;
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a subscription and its delivery log' })
  @ApiNoContentResponse()
  @ApiProblems(404)
  remove(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.webhooks.remove(p, id);
  }

  @Get(':id/deliveries')
  @ApiOperation({ summary: 'Delivery log, newest first: status, attempts, response codes, durations, errors' })
  @ApiOkResponse({ type: pageDtoOf(WebhookDeliveryDto) })
  @ApiProblems(400, 404)
  listDeliveries(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: DeliveryQueryDto,
  ): Promise<Page<WebhookDeliveryDto>> {
    return this.deliveries.list(p, id, query);
  }

  @Post(':id/deliveries/:deliveryId/redeliver')
  @HttpCode(202)
  @ApiOperation({ summary: 'Send a delivery again now (same webhook-id); supersedes a scheduled retry' })
  @ApiAcceptedResponse({ type: WebhookDeliveryDto })
  @ApiProblems(404, 409, 422)
  redeliver(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('deliveryId', ParseUUIDPipe) deliveryId: string,
  ): Promise<WebhookDeliveryDto> {
    return this.deliveries.redeliver(p, id, deliveryId);
  }
}
