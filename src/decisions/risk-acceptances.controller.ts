import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../common/openapi/api-problems.decorator';
import { Page, pageDtoOf } from '../common/pagination/pagination';
import { CurrentPrincipal, RequirePermissions } from '../identity/auth/auth.decorators';
import type { Principal } from '../identity/auth/principal';
import { RiskAcceptanceQueryDto } from './dto/condition.dto';
import { RiskAcceptanceDto } from './dto/decision.dto';
import { RiskAcceptancesService } from './risk-acceptances.service';

@ApiTags('decisions')
@Controller('risk-acceptances')
export class RiskAcceptancesController {
  constructor(private readonly acceptances: RiskAcceptancesService) {}

  @Get()
  @RequirePermissions('project.read')
  @ApiOperation({
    summary: 'Risk acceptances on the projects you may see, soonest expiry first, flagged expired and in force',
    description: 'Filters: expired=true|false, inForce=true|false.',
  })
  @ApiOkResponse({ type: pageDtoOf(RiskAcceptanceDto) })
  @ApiProblems(400)
  list(@CurrentPrincipal() p: Principal, @Query() query: RiskAcceptanceQueryDto): Promise<Page<RiskAcceptanceDto>> {
    return this.acceptances.list(p, query);
  }
}
