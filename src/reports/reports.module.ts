import { Module } from '@nestjs/common';
import { HeroIndexService } from './hero-index.service';
import { OrgRollup } from './org-rollup';
import { OutcomeReportsService } from './outcome-reports.service';
import { PortfolioReportsService } from './portfolio-reports.service';
import { ReportsController } from './reports.controller';

/** Portfolio insight (DOMAIN.md §11): aggregates computed in SQL over what the caller may see. */
@Module({
  controllers: [ReportsController],
  providers: [PortfolioReportsService, HeroIndexService, OutcomeReportsService, OrgRollup],
})
export class ReportsModule {}
