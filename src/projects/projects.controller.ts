import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { CsvCell } from '../common/csv/csv';
import { ApiCsv, streamCsv, wantsCsv } from '../common/csv/csv-response';
import { ETAG_HEADER, IfMatchVersion, setETag } from '../common/http/if-match';
import { ApiProblems } from '../common/openapi/api-problems.decorator';
import { Page, pageDtoOf } from '../common/pagination/pagination';
import { CurrentPrincipal, RequirePermissions, UsersOnly } from '../identity/auth/auth.decorators';
import { LimitedFlow } from '../identity/auth/write-rate-limit';
import type { Principal } from '../identity/auth/principal';
import { CreateProjectDto, SelfScreeningDto, UpdateProjectDto } from './dto/project-input.dto';
import { ProjectDto, ProjectListQueryDto, ProjectSummaryDto } from './dto/project.dto';
import { PROJECT_CSV_COLUMNS, projectCsvRow } from './project-csv';
import { ProjectViews } from './project-views.service';
import { ProjectsIntakeService } from './projects-intake.service';

@ApiTags('projects')
@Controller('projects')
export class ProjectsController {
  constructor(
    private readonly views: ProjectViews,
    private readonly intake: ProjectsIntakeService,
  ) {}

  @Get()
  @RequirePermissions('project.read')
  @ApiOperation({
    summary: 'Projects the caller may see, filtered and cursor-paginated',
    description:
      'Filters: state (comma-separated), riskLevel, orgUnitId (subtree), technology, q (full text), mine, assignedToMe, unassigned, awaitingMyDecision, createdFrom/To; sort.',
  })
  @ApiOkResponse({
    type: pageDtoOf(ProjectSummaryDto),
    description: 'With `Accept: text/csv`: every matching project (all pages), streamed',
  })
  @ApiCsv()
  @ApiProblems(400)
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ProjectListQueryDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Page<ProjectSummaryDto> | void> {
    if (!wantsCsv(req)) return this.views.list(principal, query);
    await streamCsv(res, 'projects.csv', PROJECT_CSV_COLUMNS, this.allPages(principal, query));
  }

  /** The CSV export walks the same keyset pages as the JSON list, a page at a time. */
  private async *allPages(principal: Principal, query: ProjectListQueryDto): AsyncIterable<CsvCell[][]> {
    let cursor: string | undefined = query.cursor;
    do {
      const page = await this.views.list(principal, { ...query, limit: 100, cursor });
      yield page.items.map(projectCsvRow);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }

  @Post()
  @RequirePermissions('project.create')
  @LimitedFlow('project-intake')
  @UsersOnly()
  @ApiOperation({ summary: 'Propose a project (a draft, with a new HC-YYYY-NNNN reference)' })
  @ApiCreatedResponse({ type: ProjectDto })
  @ApiProblems(400)
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: CreateProjectDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProjectDto> {
    const project = await this.intake.create(principal, dto);
    setETag(res, project.version);
    res.setHeader('Location', `/api/v1/projects/${project.id}`);
    return project;
  }

  @Get(':id')
  @RequirePermissions('project.read')
  @ApiOperation({ summary: 'One project, with the lifecycle actions the caller may take now' })
  @ApiOkResponse({ type: ProjectDto, headers: ETAG_HEADER })
  @ApiProblems(404)
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProjectDto> {
    const project = await this.views.get(principal, id);
    setETag(res, project.version);
    return project;
  }

  @Patch(':id')
  @RequirePermissions('project.participate')
  @UsersOnly()
  @ApiOperation({
    summary: 'Edit a project (proposer or team; draft, info_requested, changes_requested). Requires If-Match.',
    description:
      'On an approved or in_delivery project only budget, dataCategories, technologies and vendors may change: an amendment (lifecycle action amend) that sends the project back to in_review for a new assessment revision and decision.',
  })
  @ApiOkResponse({ type: ProjectDto })
  @ApiProblems(400, 404, 409, 412, 428)
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @IfMatchVersion() version: number,
    @Body() dto: UpdateProjectDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProjectDto> {
    const project = await this.intake.update(principal, id, version, dto);
    setETag(res, project.version);
    return project;
  }

  @Put(':id/self-screening')
  @RequirePermissions('project.participate')
  @UsersOnly()
  @ApiOperation({ summary: 'Record the HERO’s self-screening: computes the indicative tier and the fast-track flag' })
  @ApiOkResponse({ type: ProjectDto })
  @ApiProblems(400, 404, 409)
  async selfScreening(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: SelfScreeningDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProjectDto> {
    const project = await this.intake.setSelfScreening(principal, id, dto);
    setETag(res, project.version);
    return project;
  }
}
