import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ETAG_HEADER, IfMatchVersion, setETag } from '../common/http/if-match';
import { ApiProblems } from '../common/openapi/api-problems.decorator';
import { Page, PageQueryDto, pageDtoOf } from '../common/pagination/pagination';
import { CurrentPrincipal, RequirePermissions, UsersOnly } from '../identity/auth/auth.decorators';
import type { Principal } from '../identity/auth/principal';
import { ProjectDto } from '../projects/dto/project.dto';
import { ConditionsService } from './conditions.service';
import { DecisionViews } from './decision-views.service';
import { DecisionsService } from './decisions.service';
import { UpdateConditionDto } from './dto/condition.dto';
import { ConditionDto, CosignDto, DecideDto, DecisionDto } from './dto/decision.dto';

/** Management sign-off (DOMAIN.md §6): decide, co-sign, the decision record and its conditions. */
@ApiTags('decisions')
@Controller('projects/:id')
export class DecisionsController {
  constructor(
    private readonly decisions: DecisionsService,
    private readonly views: DecisionViews,
    private readonly conditions: ConditionsService,
  ) {}

  @Post('decision')
  @HttpCode(200)
  @UsersOnly()
  @RequirePermissions('project.decide')
  @ApiOperation({
    summary: 'Decide: approve, approve with conditions, reject or request changes (a manager with authority over the unit and budget)',
    description:
      'Not the proposer, a team member or the assessor (403 separation-of-duties). A limit below the budget, or in another currency, is 403 insufficient-authority naming the unit whose manager can decide. Approving against do_not_proceed needs riskAcceptance. High or critical risk goes to awaiting_cosign. A concurrent decision gets 409.',
  })
  @ApiOkResponse({ type: ProjectDto, headers: ETAG_HEADER })
  @ApiProblems(400, 403, 404, 409)
  async decide(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: DecideDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProjectDto> {
    return withETag(res, await this.decisions.decide(p, id, dto));
  }

  @Post('cosign')
  @HttpCode(200)
  @UsersOnly()
  @RequirePermissions('project.cosign')
  @ApiOperation({
    summary: 'Co-sign or decline a high/critical-risk approval (the CIO; not the deciding manager, the assessor or the team)',
  })
  @ApiOkResponse({ type: ProjectDto, headers: ETAG_HEADER })
  @ApiProblems(400, 403, 404, 409)
  async cosign(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CosignDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProjectDto> {
    return withETag(res, await this.decisions.cosign(p, id, dto));
  }

  @Get('decisions')
  @RequirePermissions('project.read')
  @ApiOperation({ summary: 'The project’s decisions, newest first, with evidence snapshot, co-sign, risk acceptance and conditions' })
  @ApiOkResponse({ type: pageDtoOf(DecisionDto) })
  @ApiProblems(400, 404)
  list(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string, @Query() query: PageQueryDto): Promise<Page<DecisionDto>> {
    return this.views.list(p, id, query);
  }

  @Get('conditions')
  @RequirePermissions('project.read')
  @ApiOperation({ summary: 'Conditions of the project’s current decision (open ones block launch)' })
  @ApiOkResponse({ type: pageDtoOf(ConditionDto) })
  @ApiProblems(404)
  async listConditions(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<Page<ConditionDto>> {
    // At most 20 per decision: one page.
    return { items: await this.conditions.list(p, id), nextCursor: null };
  }

  @Patch('conditions/:conditionId')
  @UsersOnly()
  @RequirePermissions('project.participate')
  @ApiOperation({
    summary: 'Close a condition: the owner marks it met (evidenceNote), the deciding manager waives it (reason). Requires If-Match.',
  })
  @ApiOkResponse({ type: ConditionDto, headers: ETAG_HEADER })
  @ApiProblems(400, 403, 404, 409, 412, 428)
  async updateCondition(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('conditionId', ParseUUIDPipe) conditionId: string,
    @IfMatchVersion() version: number,
    @Body() dto: UpdateConditionDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ConditionDto> {
    const condition = await this.conditions.update(p, id, conditionId, version, dto);
    setETag(res, condition.version);
    return condition;
  }
}

export function withETag(res: Response, project: ProjectDto): ProjectDto {
  setETag(res, project.version);
  return project;
}
