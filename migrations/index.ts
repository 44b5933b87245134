/**
 * Every migration, in order. `npm run migration:generate -- <Name>` writes a new file here;
 * add its class to this list (a test checks that no migration file is left out).
 */
import { Identity1795400000000 } from './1795400000000-Identity';
import { Audit1795400100000 } from './1795400100000-Audit';
import { Compact1795400200000 } from './1795400200000-Compact';
import { Projects1795400300000 } from './1795400300000-Projects';
import { Risk1795400400000 } from './1795400400000-Risk';
import { Decisions1795400500000 } from './1795400500000-Decisions';
import { NotificationsWebhooks1795400600000 } from './1795400600000-NotificationsWebhooks';
import { SlaIdempotency1795400700000 } from './1795400700000-SlaIdempotency';
import { Reports1795400800000 } from './1795400800000-Reports';
import { Sso1795400900000 } from './1795400900000-Sso';
import { AttachmentsSupports1795401000000 } from './1795401000000-AttachmentsSupports';
import { ListOrderIndexes1795401100000 } from './1795401100000-ListOrderIndexes';
import { I18n1795401200000 } from './1795401200000-I18n';
import { ProjectSearchVector1795401300000 } from './1795401300000-ProjectSearchVector';
import { IdempotencyCommitted1795401400000 } from './1795401400000-IdempotencyCommitted';
import { AnalyzeProjectSearch1795401500000 } from './1795401500000-AnalyzeProjectSearch';
import { RateLimitCounters1795401600000 } from './1795401600000-RateLimitCounters';

export const MIGRATIONS: Function[] = [
  Identity1795400000000,
  Audit1795400100000,
  Compact1795400200000,
  Projects1795400300000,
  Risk1795400400000,
  Decisions1795400500000,
  NotificationsWebhooks1795400600000,
  SlaIdempotency1795400700000,
  Reports1795400800000,
  Sso1795400900000,
  AttachmentsSupports1795401000000,
  ListOrderIndexes1795401100000,
  I18n1795401200000,
  ProjectSearchVector1795401300000,
  IdempotencyCommitted1795401400000,
  AnalyzeProjectSearch1795401500000,
  RateLimitCounters1795401600000,
];
