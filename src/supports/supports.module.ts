import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ProjectsModule } from '../projects/projects.module';
import { SupportsController } from './supports.controller';
import { SupportsService } from './supports.service';

/** Colleagues' support for projects (issue 12 item 3). The project shows the count (`supportCount`). */
@Module({
  imports: [AuditModule, ProjectsModule],
  controllers: [SupportsController],
  providers: [SupportsService],
})
export class SupportsModule {}
