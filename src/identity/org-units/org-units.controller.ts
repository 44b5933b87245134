import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ETAG_HEADER, IfMatchVersion, setETag } from '../../common/http/if-match';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { Page, pageDtoOf, PageQueryDto } from '../../common/pagination/pagination';
import { CurrentPrincipal, RequirePermissions, UsersOnly } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { CreateOrgUnitDto, OrgUnitDto, UpdateOrgUnitDto } from '../dto/identity.dto';
import { toOrgUnitDto } from '../identity.mappers';
import { OrgUnitsService } from './org-units.service';

@ApiTags('people')
@Controller('org-units')
export class OrgUnitsController {
  constructor(private readonly units: OrgUnitsService) {}

  @Get()
  @RequirePermissions('org_unit.read')
  @ApiOperation({ summary: 'The org tree, depth-first (ordered by path)' })
  @ApiOkResponse({ type: pageDtoOf(OrgUnitDto) })
  @ApiProblems(400)
  list(@Query() query: PageQueryDto): Promise<Page<OrgUnitDto>> {
    return this.units.list(query);
  }

  @Get(':id')
  @RequirePermissions('org_unit.read')
  @ApiOperation({ summary: 'One org unit, with an ETag for If-Match' })
  @ApiOkResponse({ type: OrgUnitDto, headers: ETAG_HEADER })
  @ApiProblems(404)
  async get(@Param('id', ParseUUIDPipe) id: string, @Res({ passthrough: true }) res: Response): Promise<OrgUnitDto> {
    const unit = await this.units.get(id);
    setETag(res, unit.version);
    return toOrgUnitDto(unit);
  }

  @Post()
  @RequirePermissions('org_unit.manage')
  @UsersOnly()
  @ApiOperation({ summary: 'Create an org unit under a parent (admin)' })
  @ApiCreatedResponse({ type: OrgUnitDto })
  @ApiProblems(400)
  create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateOrgUnitDto): Promise<OrgUnitDto> {
    return this.units.create(principal, dto);
  }

  @Patch(':id')
  @RequirePermissions('org_unit.manage')
  @UsersOnly()
  @ApiOperation({ summary: 'Rename or move an org unit (admin). A move under its own subtree is 409. Requires If-Match.' })
  @ApiOkResponse({ type: OrgUnitDto })
  @ApiProblems(400, 404, 409, 412, 428)
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @IfMatchVersion() version: number,
    @Body() dto: UpdateOrgUnitDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<OrgUnitDto> {
    const unit = await this.units.update(principal, id, version, dto);
    setETag(res, unit.version);
    return unit;
  }
}
