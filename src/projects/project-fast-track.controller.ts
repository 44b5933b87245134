import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ETAG_HEADER, setETag } from '../common/http/if-match';
import { ApiProblems } from '../common/openapi/api-problems.decorator';
import { CurrentPrincipal, RequirePermissions, UsersOnly } from '../identity/auth/auth.decorators';
import type { Principal } from '../identity/auth/principal';
import { RequiredReasonDto } from './dto/project-action.dto';
import { ProjectDto } from './dto/project.dto';
import { ProjectFastTrackService } from './project-fast-track.service';

@ApiTags('projects')
@Controller('projects/:id/fast-track')
@UsersOnly()
export class ProjectFastTrackController {
  constructor(private readonly fastTrack: ProjectFastTrackService) {}

  @Post('remove')
  @HttpCode(200)
  @RequirePermissions('assessment.write')
  @ApiOperation({
    summary: 'Take the project off the fast track, with a reason (assigned advisor or CIO, before the assessment is submitted)',
    description: 'The project then needs a full assessment of every dimension. Re-screening does not put it back.',
  })
  @ApiOkResponse({ type: ProjectDto, headers: ETAG_HEADER })
  @ApiProblems(400, 403, 404, 409)
  async remove(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RequiredReasonDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProjectDto> {
    const project = await this.fastTrack.remove(principal, id, dto);
    setETag(res, project.version);
    return project;
  }
}
