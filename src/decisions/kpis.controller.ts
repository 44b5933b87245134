import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../common/openapi/api-problems.decorator';
import { CurrentPrincipal, RequirePermissions } from '../identity/auth/auth.decorators';
import type { Principal } from '../identity/auth/principal';
import { KpiReportDto, KpiReportItemDto, MeasurementInputDto } from './dto/kpi.dto';
import { KpisService } from './kpis.service';

/** KPI outcomes (DOMAIN.md §7). */
@ApiTags('outcomes')
@Controller('projects/:id/kpis')
export class KpisController {
  constructor(private readonly kpis: KpisService) {}

  @Get()
  @RequirePermissions('project.read')
  @ApiOperation({ summary: 'Each KPI: latest value, trend, progress and on/off track against its target' })
  @ApiOkResponse({ type: KpiReportDto })
  @ApiProblems(404)
  report(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<KpiReportDto> {
    return this.kpis.report(p, id);
  }

  @Post(':kpiId/measurements')
  @RequirePermissions('kpi.write')
  @ApiOperation({
    summary: 'Post a KPI measurement (the proposer or team, or an API key with kpis:write) while in delivery or launched',
    description: 'Returns the KPI as it stands after the measurement.',
  })
  @ApiCreatedResponse({ type: KpiReportItemDto })
  @ApiProblems(400, 404, 409)
  measure(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('kpiId', ParseUUIDPipe) kpiId: string,
    @Body() dto: MeasurementInputDto,
  ): Promise<KpiReportItemDto> {
    return this.kpis.record(p, id, kpiId, dto);
  }
}
