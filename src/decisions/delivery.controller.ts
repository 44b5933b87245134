import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ETAG_HEADER } from '../common/http/if-match';
import { ApiProblems } from '../common/openapi/api-problems.decorator';
import { CurrentPrincipal, RequirePermissions, UsersOnly } from '../identity/auth/auth.decorators';
import type { Principal } from '../identity/auth/principal';
import { ProjectDto } from '../projects/dto/project.dto';
import { withETag } from './decisions.controller';
import { DeliveryService } from './delivery.service';
import { RetireDto, ReviewDto, ReviewInputDto, ReviewScheduleDto } from './dto/kpi.dto';
import { ReviewsService } from './reviews.service';

/** Delivery and outcomes (DOMAIN.md §4, §7): start delivery, launch, retire, post-launch reviews. */
@ApiTags('delivery')
@Controller('projects/:id')
export class DeliveryController {
  constructor(
    private readonly delivery: DeliveryService,
    private readonly reviews: ReviewsService,
  ) {}

  @Post('start-delivery')
  @HttpCode(200)
  @UsersOnly()
  @RequirePermissions('project.participate')
  @ApiOperation({ summary: 'Start delivering an approved project (proposer or team)' })
  @ApiOkResponse({ type: ProjectDto, headers: ETAG_HEADER })
  @ApiProblems(403, 404, 409)
  async startDelivery(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProjectDto> {
    return withETag(res, await this.delivery.startDelivery(p, id));
  }

  @Post('launch')
  @HttpCode(200)
  @UsersOnly()
  @RequirePermissions('project.participate')
  @ApiOperation({
    summary: 'Launch (proposer or team): records the launch date; 409 open-conditions lists every condition still open',
  })
  @ApiOkResponse({ type: ProjectDto, headers: ETAG_HEADER })
  @ApiProblems(403, 404, 409)
  async launch(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProjectDto> {
    return withETag(res, await this.delivery.launch(p, id));
  }

  @Post('retire')
  @HttpCode(200)
  @UsersOnly()
  @RequirePermissions('project.participate')
  @ApiOperation({ summary: 'Retire a launched project, with a reason (proposer, team, or a manager over its unit)' })
  @ApiOkResponse({ type: ProjectDto, headers: ETAG_HEADER })
  @ApiProblems(400, 403, 404, 409)
  async retire(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RetireDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProjectDto> {
    return withETag(res, await this.delivery.retire(p, id, dto.reason));
  }

  @Get('reviews')
  @RequirePermissions('project.read')
  @ApiOperation({ summary: 'Post-launch reviews: due 30 and 90 days after launch, with the ones recorded' })
  @ApiOkResponse({ type: ReviewScheduleDto })
  @ApiProblems(404)
  schedule(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<ReviewScheduleDto> {
    return this.reviews.schedule(p, id);
  }

  @Post('reviews')
  @UsersOnly()
  @RequirePermissions('project.decide')
  @ApiOperation({
    summary: 'Record a post-launch review: scale, iterate or stop, with a rationale (a manager over the unit; stop retires the project)',
  })
  @ApiCreatedResponse({ type: ReviewDto })
  @ApiProblems(400, 403, 404, 409)
  record(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReviewInputDto): Promise<ReviewDto> {
    return this.reviews.record(p, id, dto);
  }
}
