import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { Page, pageDtoOf, PageQueryDto } from '../../common/pagination/pagination';
import { CurrentPrincipal, RequirePermissions, UsersOnly } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ApiKeyDto, CreateApiKeyDto, CreatedApiKeyDto } from '../dto/identity.dto';
import { ApiKeysService } from './api-keys.service';

@ApiTags('people')
@Controller('api-keys')
@RequirePermissions('api_key.manage')
@UsersOnly()
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Get()
  @ApiOperation({ summary: 'API keys (admin); secrets are never shown again' })
  @ApiOkResponse({ type: pageDtoOf(ApiKeyDto) })
  @ApiProblems(400)
  list(@Query() query: PageQueryDto): Promise<Page<ApiKeyDto>> {
    return this.keys.list(query);
  }

  @Post()
  @ApiOperation({ summary: 'Create an API key with scopes and an expiry (admin). The key is in this response only.' })
  @ApiCreatedResponse({ type: CreatedApiKeyDto })
  @ApiProblems(400)
  create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateApiKeyDto): Promise<CreatedApiKeyDto> {
    return this.keys.create(principal, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke an API key (effective on the next call)' })
  @ApiNoContentResponse()
  @ApiProblems(404)
  revoke(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.keys.revoke(principal, id);
  }
}
