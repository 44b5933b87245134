import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../common/openapi/api-problems.decorator';
import { Page, pageDtoOf, PageQueryDto } from '../common/pagination/pagination';
import { CurrentPrincipal, RequirePermissions, UsersOnly } from '../identity/auth/auth.decorators';
import type { Principal } from '../identity/auth/principal';
import { CreateRiskFrameworkDto, RiskFrameworkDto } from './dto/risk-framework.dto';
import { RiskFrameworksService, toRiskFrameworkDto } from './risk-frameworks.service';

@ApiTags('risk')
@Controller('risk-frameworks')
export class RiskFrameworksController {
  constructor(private readonly frameworks: RiskFrameworksService) {}

  @Get('current')
  @RequirePermissions('risk_framework.read')
  @ApiOperation({ summary: 'The current risk framework: dimensions with guidance, the 5×5 scale and the level thresholds' })
  @ApiOkResponse({ type: RiskFrameworkDto })
  async current(): Promise<RiskFrameworkDto> {
    return toRiskFrameworkDto(await this.frameworks.current());
  }

  @Get()
  @RequirePermissions('risk_framework.read')
  @ApiOperation({ summary: 'Risk framework versions, newest first (drafts only for the CIO)' })
  @ApiOkResponse({ type: pageDtoOf(RiskFrameworkDto) })
  @ApiProblems(400)
  list(@CurrentPrincipal() principal: Principal, @Query() query: PageQueryDto): Promise<Page<RiskFrameworkDto>> {
    return this.frameworks.list(principal, query);
  }

  @Get(':id')
  @RequirePermissions('risk_framework.read')
  @ApiOperation({ summary: 'One framework version — e.g. the one an older assessment was rated against' })
  @ApiOkResponse({ type: RiskFrameworkDto })
  @ApiProblems(404)
  get(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<RiskFrameworkDto> {
    return this.frameworks.get(principal, id);
  }

  @Post()
  @RequirePermissions('risk_framework.publish')
  @UsersOnly()
  @ApiOperation({ summary: 'Draft a new framework version (CIO); omitted parts are copied from the current version' })
  @ApiCreatedResponse({ type: RiskFrameworkDto })
  @ApiProblems(400, 403)
  draft(@CurrentPrincipal() principal: Principal, @Body() dto: CreateRiskFrameworkDto): Promise<RiskFrameworkDto> {
    return this.frameworks.createDraft(principal, dto);
  }

  @Post(':id/publish')
  @RequirePermissions('risk_framework.publish')
  @UsersOnly()
  @HttpCode(200)
  @ApiOperation({ summary: 'Publish a draft (CIO): new assessments use it; existing ones keep their version. Immutable afterwards.' })
  @ApiOkResponse({ type: RiskFrameworkDto })
  @ApiProblems(403, 404, 409)
  publish(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<RiskFrameworkDto> {
    return this.frameworks.publish(principal, id);
  }
}
