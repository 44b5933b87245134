import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { setETag } from '../common/http/if-match';
import { ApiProblems } from '../common/openapi/api-problems.decorator';
import { CurrentPrincipal, RequirePermissions, UsersOnly } from '../identity/auth/auth.decorators';
import { LimitedFlow } from '../identity/auth/write-rate-limit';
import type { Principal } from '../identity/auth/principal';
import { AssignDto, ReasonDto, RequestInfoDto, RespondDto } from './dto/project-action.dto';
import { ProjectDto } from './dto/project.dto';
import { ProjectLifecycleService } from './project-lifecycle.service';

/**
 * Lifecycle actions as sub-resources (API.md). The route permission is coarse; the lifecycle table
 * and the caller's relation to the project decide (409 invalid-transition lists what is allowed).
 */
@ApiTags('projects')
@Controller('projects/:id')
@UsersOnly()
export class ProjectActionsController {
  constructor(private readonly lifecycle: ProjectLifecycleService) {}

  @Post('submit')
  @HttpCode(200)
  @RequirePermissions('project.participate')
  @LimitedFlow('project-intake')
  @ApiOperation({ summary: 'Submit for assessment (proposer; compact acknowledged, required fields, self-screening done)' })
  @ApiOkResponse({ type: ProjectDto })
  @ApiProblems(400, 403, 404, 409)
  async submit(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProjectDto> {
    return withETag(res, await this.lifecycle.submit(p, id));
  }

  @Post('assign')
  @HttpCode(200)
  @RequirePermissions('project.assign_self')
  @ApiOperation({ summary: 'Assign an advisor (CIO: anyone; advisor: themself); not the proposer or a team member' })
  @ApiOkResponse({ type: ProjectDto })
  @ApiProblems(400, 403, 404, 409)
  async assign(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AssignDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProjectDto> {
    return withETag(res, await this.lifecycle.assign(p, id, dto));
  }

  @Post('request-info')
  @HttpCode(200)
  @RequirePermissions('assessment.write')
  @ApiOperation({ summary: 'Ask the proposer a question (assigned advisor or CIO)' })
  @ApiOkResponse({ type: ProjectDto })
  @ApiProblems(400, 403, 404, 409)
  async requestInfo(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RequestInfoDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProjectDto> {
    return withETag(res, await this.lifecycle.requestInfo(p, id, dto));
  }

  @Post('respond')
  @HttpCode(200)
  @RequirePermissions('project.participate')
  @ApiOperation({ summary: 'Answer the advisor (proposer or team); edits are allowed while info is requested' })
  @ApiOkResponse({ type: ProjectDto })
  @ApiProblems(400, 403, 404, 409)
  async respond(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RespondDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProjectDto> {
    return withETag(res, await this.lifecycle.respond(p, id, dto));
  }

  @Post('withdraw')
  @HttpCode(200)
  @RequirePermissions('project.participate')
  @ApiOperation({ summary: 'Withdraw the project (proposer), from draft up to awaiting decision' })
  @ApiOkResponse({ type: ProjectDto })
  @ApiProblems(400, 403, 404, 409)
  async withdraw(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ReasonDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProjectDto> {
    return withETag(res, await this.lifecycle.withdraw(p, id, dto));
  }
}

function withETag(res: Response, project: ProjectDto): ProjectDto {
  setETag(res, project.version);
  return project;
}
