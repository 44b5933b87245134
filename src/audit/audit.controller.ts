import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../common/openapi/api-problems.decorator';
import type { Page } from '../common/pagination/pagination';
import { RequirePermissions } from '../identity/auth/auth.decorators';
import { AuditService } from './audit.service';
import { AuditEventDto, AuditEventPageDto, AuditEventQueryDto, AuditVerificationDto } from './dto/audit-event.dto';

@ApiTags('audit')
@Controller('audit-events')
@RequirePermissions('audit.read')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOperation({ summary: 'The whole audit trail, newest first, with filters (CIO, admin, `audit:read` keys)' })
  @ApiOkResponse({ type: AuditEventPageDto })
  @ApiProblems(400)
  list(@Query() query: AuditEventQueryDto): Promise<Page<AuditEventDto>> {
    return this.audit.list(query);
  }

  @Get('verify')
  @ApiOperation({ summary: 'Recompute the hash chain and name the first broken link, if any' })
  @ApiOkResponse({ type: AuditVerificationDto })
  verify(): Promise<AuditVerificationDto> {
    return this.audit.verify();
  }
}
