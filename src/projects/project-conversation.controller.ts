import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditEventPageDto } from '../audit/dto/audit-event.dto';
import { AuditService } from '../audit/audit.service';
import { ApiProblems } from '../common/openapi/api-problems.decorator';
import { Page, pageDtoOf, PageQueryDto } from '../common/pagination/pagination';
import { CurrentPrincipal, RequirePermissions } from '../identity/auth/auth.decorators';
import type { Principal } from '../identity/auth/principal';
import { CommentDto, CommentInputDto } from './dto/project.dto';
import { ProjectCommentsService } from './project-comments.service';

@ApiTags('projects')
@Controller('projects/:id')
export class ProjectConversationController {
  constructor(
    private readonly comments: ProjectCommentsService,
    private readonly audit: AuditService,
  ) {}

  @Get('comments')
  @RequirePermissions('project.read')
  @ApiOperation({ summary: 'The project’s conversation: comments, questions and answers (participants)' })
  @ApiOkResponse({ type: pageDtoOf(CommentDto) })
  @ApiProblems(400, 404)
  list(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string, @Query() query: PageQueryDto): Promise<Page<CommentDto>> {
    return this.comments.list(p, id, query);
  }

  @Post('comments')
  @RequirePermissions('project.participate')
  @ApiOperation({ summary: 'Comment on a project (participants), optionally mentioning users' })
  @ApiCreatedResponse({ type: CommentDto })
  @ApiProblems(400, 404)
  add(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CommentInputDto): Promise<CommentDto> {
    return this.comments.add(p, id, dto);
  }

  @Get('history')
  @RequirePermissions('project.read')
  @ApiOperation({ summary: 'The project’s audit trail: every change, who, when (participants)' })
  @ApiOkResponse({ type: AuditEventPageDto })
  @ApiProblems(400, 404)
  async history(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string, @Query() query: PageQueryDto): Promise<unknown> {
    await this.comments.assertCanFollow(p, id);
    return this.audit.projectHistory(id, query);
  }
}
