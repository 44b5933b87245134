import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ETAG_HEADER, IfMatchVersion, setETag } from '../common/http/if-match';
import { ApiProblems } from '../common/openapi/api-problems.decorator';
import { Page, pageDtoOf, PageQueryDto } from '../common/pagination/pagination';
import { CurrentPrincipal, RequirePermissions, UsersOnly } from '../identity/auth/auth.decorators';
import type { Principal } from '../identity/auth/principal';
import { AssessmentSubmissionService } from './assessment-submission.service';
import { AssessmentsService } from './assessments.service';
import { AssessmentDto, CreateAssessmentDto, UpdateAssessmentDto } from './dto/assessment.dto';

function withETag(res: Response, a: AssessmentDto): AssessmentDto {
  setETag(res, a.version);
  return a;
}

/**
 * Risk assessments (DOMAIN.md §5). Writing needs `assessment.write` and, per project, being the
 * assigned advisor or the CIO (never the proposer or team: 403); a project you cannot see is a 404.
 */
@ApiTags('risk')
@Controller()
export class AssessmentsController {
  constructor(
    private readonly assessments: AssessmentsService,
    private readonly submission: AssessmentSubmissionService,
  ) {}

  @Get('projects/:id/assessments')
  @RequirePermissions('project.read')
  @ApiOperation({ summary: 'Assessment revisions of a project, newest first (drafts only for the assigned advisor and the CIO)' })
  @ApiOkResponse({ type: pageDtoOf(AssessmentDto) })
  @ApiProblems(400, 404)
  list(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<AssessmentDto>> {
    return this.assessments.list(principal, id, query);
  }

  @Post('projects/:id/assessments')
  @RequirePermissions('assessment.write')
  @UsersOnly()
  @ApiOperation({
    summary: 'Start a new assessment revision (assigned advisor or CIO, project in review)',
    description:
      'Rated against the current framework version. Pre-filled from the self-screening (attention flags), or with copyFrom=previous from the last submitted revision. A fast-track project gets a light assessment.',
  })
  @ApiCreatedResponse({ type: AssessmentDto, headers: ETAG_HEADER })
  @ApiProblems(400, 403, 404, 409)
  async create(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateAssessmentDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AssessmentDto> {
    const a = await this.assessments.create(principal, id, dto);
    res.setHeader('Location', `/api/v1/assessments/${a.id}`);
    return withETag(res, a);
  }

  @Get('assessments/:id')
  @RequirePermissions('project.read')
  @ApiOperation({ summary: 'One assessment revision with server-computed scores and levels' })
  @ApiOkResponse({ type: AssessmentDto, headers: ETAG_HEADER })
  @ApiProblems(404)
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AssessmentDto> {
    return withETag(res, await this.assessments.get(principal, id));
  }

  @Patch('assessments/:id')
  @RequirePermissions('assessment.write')
  @UsersOnly()
  @ApiOperation({
    summary: 'Edit a draft: ratings, mitigations, proposed conditions, recommendation. Requires If-Match.',
    description: 'Scores and levels are computed by the server; sending them is a 400.',
  })
  @ApiOkResponse({ type: AssessmentDto, headers: ETAG_HEADER })
  @ApiProblems(400, 403, 404, 409, 412, 428)
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @IfMatchVersion() version: number,
    @Body() dto: UpdateAssessmentDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AssessmentDto> {
    return withETag(res, await this.assessments.update(principal, id, version, dto));
  }

  @Post('assessments/:id/submit')
  @RequirePermissions('assessment.write')
  @UsersOnly()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Submit the assessment: the project moves to awaiting_decision with its overall risk level',
    description: 'Assigned advisor or CIO, compact acknowledged (it), project in review, every dimension in scope rated and valid.',
  })
  @ApiOkResponse({ type: AssessmentDto, headers: ETAG_HEADER })
  @ApiProblems(400, 403, 404, 409)
  async submit(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AssessmentDto> {
    return withETag(res, await this.submission.submit(principal, id));
  }
}
