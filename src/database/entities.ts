/** Every TypeORM entity of the application. Add new entities here (and a migration). */
import { AuditEvent } from '../audit/audit-event.entity';
import { CompactAcknowledgement, CompactVersion } from '../compact/compact-version.entity';
import { IdempotencyKey } from '../common/http/idempotency-key.entity';
import { ApiKey } from '../identity/entities/api-key.entity';
import { OrgUnit } from '../identity/entities/org-unit.entity';
import { RefreshToken } from '../identity/entities/refresh-token.entity';
import { User } from '../identity/entities/user.entity';
import { DomainEventRow } from '../notifications/entities/domain-event.entity';
import { Notification } from '../notifications/entities/notification.entity';
import { ProjectComment, ProjectKpi, ProjectTeamMember, ProjectVendor } from '../projects/entities/project-children.entity';
import { Project } from '../projects/entities/project.entity';
import { ProjectTransition } from '../projects/entities/project-transition.entity';
import { RiskAssessment, RiskAssessmentRating } from '../risk/entities/risk-assessment.entity';
import { RiskFrameworkVersion } from '../risk/entities/risk-framework-version.entity';
import { SlaBreach } from '../sla/sla-breach.entity';
import { WebhookDelivery, WebhookDeliveryAttempt } from '../webhooks/entities/webhook-delivery.entity';
import { WebhookSubscription } from '../webhooks/entities/webhook-subscription.entity';

export const ENTITIES: Function[] = [
  DomainEventRow,
  Notification,
  WebhookSubscription,
  WebhookDelivery,
  WebhookDeliveryAttempt,
  SlaBreach,
  IdempotencyKey,
  AuditEvent,
  OrgUnit,
  User,
  RefreshToken,
  ApiKey,
  CompactVersion,
  CompactAcknowledgement,
  Project,
  ProjectVendor,
  ProjectKpi,
  ProjectTeamMember,
  ProjectComment,
  ProjectTransition,
  RiskFrameworkVersion,
  RiskAssessment,
  RiskAssessmentRating,
];
