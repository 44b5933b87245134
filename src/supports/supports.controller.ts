import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiProblems } from '../common/openapi/api-problems.decorator';
import { Page, pageDtoOf, PageQueryDto } from '../common/pagination/pagination';
import { CurrentPrincipal, RequirePermissions, UsersOnly } from '../identity/auth/auth.decorators';
import type { Principal } from '../identity/auth/principal';
import { SupportDto, SupportInputDto } from './dto/support.dto';
import { SupportsService } from './supports.service';

@ApiTags('supports')
@Controller('projects/:id/supports')
export class SupportsController {
  constructor(private readonly supports: SupportsService) {}

  @Post()
  @RequirePermissions('project.support')
  @UsersOnly()
  @ApiOperation({
    summary: 'Support a project you can see ("my customers need this"), with an optional note; again to change the note',
    description: 'One support per person: 201 the first time, 200 when it replaces your note. Not for the proposer or the team (403).',
  })
  @ApiCreatedResponse({ type: SupportDto, description: 'Support recorded' })
  @ApiOkResponse({ type: SupportDto, description: 'Your existing support, with the new note' })
  @ApiProblems(400, 404, 409)
  async support(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: SupportInputDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SupportDto> {
    const { support, created } = await this.supports.support(principal, id, dto.note);
    res.status(created ? 201 : 200);
    return support;
  }

  @Delete('mine')
  @HttpCode(204)
  @RequirePermissions('project.support')
  @UsersOnly()
  @ApiOperation({ summary: 'Withdraw your support for a project' })
  @ApiNoContentResponse({ description: 'Withdrawn' })
  @ApiProblems(404)
  async withdraw(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.supports.withdraw(principal, id);
  }

  @Get()
  @RequirePermissions('project.read')
  @ApiOperation({ summary: 'Who supports a project, with their notes (anyone who can see it), oldest first' })
  @ApiOkResponse({ type: pageDtoOf(SupportDto) })
  @ApiProblems(400, 404)
  list(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<SupportDto>> {
    return this.supports.list(principal, id, query);
  }
}
