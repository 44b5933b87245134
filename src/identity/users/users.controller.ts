import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ETAG_HEADER, IfMatchVersion, setETag } from '../../common/http/if-match';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { Page, pageDtoOf } from '../../common/pagination/pagination';
import { CurrentPrincipal, RequirePermissions, UsersOnly } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { CreateUserDto, UpdateUserDto, UserDto, UserListQueryDto } from '../dto/identity.dto';
import { toUserDto } from '../identity.mappers';
import { UsersService } from './users.service';

@ApiTags('people')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @RequirePermissions('user.read')
  @ApiOperation({ summary: 'Employee directory (filters: q, orgUnitId, role, status)' })
  @ApiOkResponse({ type: pageDtoOf(UserDto) })
  @ApiProblems(400)
  list(@Query() query: UserListQueryDto): Promise<Page<UserDto>> {
    return this.users.list(query);
  }

  @Get(':id')
  @RequirePermissions('user.read')
  @ApiOperation({ summary: 'One user of the directory, with an ETag for If-Match' })
  @ApiOkResponse({ type: UserDto, headers: ETAG_HEADER })
  @ApiProblems(404)
  async get(@Param('id', ParseUUIDPipe) id: string, @Res({ passthrough: true }) res: Response): Promise<UserDto> {
    const user = await this.users.get(id);
    setETag(res, user.version);
    return toUserDto(user);
  }

  @Post()
  @RequirePermissions('user.manage')
  @UsersOnly()
  @ApiOperation({ summary: 'Create a user (admin)' })
  @ApiCreatedResponse({ type: UserDto })
  @ApiProblems(400, 409)
  create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateUserDto): Promise<UserDto> {
    return this.users.create(principal, dto);
  }

  @Patch(':id')
  @RequirePermissions('user.manage')
  @UsersOnly()
  @ApiOperation({ summary: 'Update a user: roles, unit, approval limit, status (admin). Requires If-Match.' })
  @ApiOkResponse({ type: UserDto })
  @ApiProblems(400, 404, 409, 412, 428)
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @IfMatchVersion() version: number,
    @Body() dto: UpdateUserDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<UserDto> {
    const user = await this.users.update(principal, id, version, dto);
    setETag(res, user.version);
    return user;
  }
}
