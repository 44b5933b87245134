import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { IfMatchVersion, setETag } from '../common/http/if-match';
import { ApiProblems } from '../common/openapi/api-problems.decorator';
import { Page, pageDtoOf, PageQueryDto } from '../common/pagination/pagination';
import { CurrentPrincipal, RequirePermissions, UsersOnly } from '../identity/auth/auth.decorators';
import type { Principal } from '../identity/auth/principal';
import { CompactService } from './compact.service';
import {
  AcknowledgeDto,
  AcknowledgementDto,
  CompactVersionDto,
  CreateCompactVersionDto,
  CurrentCompactDto,
  UpdateCompactVersionDto,
} from './dto/compact.dto';

@ApiTags('compact')
@Controller()
export class CompactController {
  constructor(private readonly compact: CompactService) {}

  @Get('compact/current')
  @RequirePermissions('compact.read')
  @ApiOperation({ summary: 'The current published compact, and whether the caller still has to acknowledge it' })
  @ApiOkResponse({ type: CurrentCompactDto })
  current(@CurrentPrincipal() principal: Principal): Promise<CurrentCompactDto> {
    return this.compact.currentFor(principal);
  }

  @Get('compact/versions')
  @RequirePermissions('compact.read')
  @ApiOperation({ summary: 'Compact versions, newest first (drafts only for the CIO)' })
  @ApiOkResponse({ type: pageDtoOf(CompactVersionDto) })
  @ApiProblems(400)
  versions(@CurrentPrincipal() principal: Principal, @Query() query: PageQueryDto): Promise<Page<CompactVersionDto>> {
    return this.compact.list(principal, query);
  }

  @Post('compact/versions')
  @RequirePermissions('compact.publish')
  @UsersOnly()
  @ApiOperation({ summary: 'Draft a new compact version (CIO)' })
  @ApiCreatedResponse({ type: CompactVersionDto })
  @ApiProblems(400)
  draft(@CurrentPrincipal() principal: Principal, @Body() dto: CreateCompactVersionDto): Promise<CompactVersionDto> {
    return this.compact.createDraft(principal, dto);
  }

  @Patch('compact/versions/:id')
  @RequirePermissions('compact.publish')
  @UsersOnly()
  @ApiOperation({ summary: 'Edit a draft (CIO). Published versions are immutable (409). Requires If-Match.' })
  @ApiOkResponse({ type: CompactVersionDto })
  @ApiProblems(400, 404, 409, 412, 428)
  async edit(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @IfMatchVersion() version: number,
    @Body() dto: UpdateCompactVersionDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CompactVersionDto> {
    const v = await this.compact.updateDraft(principal, id, version, dto);
    setETag(res, v.version);
    return v;
  }

  @Post('compact/versions/:id/publish')
  @RequirePermissions('compact.publish')
  @UsersOnly()
  @HttpCode(200)
  @ApiOperation({ summary: 'Publish a draft (CIO): it becomes the current version, everyone must acknowledge it again' })
  @ApiOkResponse({ type: CompactVersionDto })
  @ApiProblems(404, 409)
  publish(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<CompactVersionDto> {
    return this.compact.publish(principal, id);
  }

  @Post('compact/acknowledgements')
  @RequirePermissions('compact.acknowledge')
  @UsersOnly()
  @ApiOperation({ summary: 'Acknowledge the current version for every group your roles put you in (201 new, 200 already done)' })
  @ApiCreatedResponse({ type: [AcknowledgementDto] })
  @ApiOkResponse({ type: [AcknowledgementDto] })
  @ApiProblems(400, 404, 409)
  async acknowledge(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: AcknowledgeDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AcknowledgementDto[]> {
    const result = await this.compact.acknowledge(principal, dto.versionId);
    res.status(result.created ? 201 : 200);
    return result.items;
  }

  @Get('me/acknowledgements')
  @RequirePermissions('compact.read')
  @UsersOnly()
  @ApiOperation({ summary: 'My acknowledgements, newest first' })
  @ApiOkResponse({ type: [AcknowledgementDto] })
  myAcknowledgements(@CurrentPrincipal() principal: Principal): Promise<AcknowledgementDto[]> {
    return this.compact.myAcknowledgements(principal);
  }
}
