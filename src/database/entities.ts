/** Every TypeORM entity of the application. Add new entities here (and a migration). */
import { Attachment, AttachmentContent } from '../attachments/entities/attachment.entity';
import { AuditEvent } from '../audit/audit-event.entity';
import { CompactAcknowledgement, CompactVersion } from '../compact/compact-version.entity';
import { ApprovalCondition } from '../decisions/entities/approval-condition.entity';
import { Decision } from '../decisions/entities/decision.entity';
import { KpiMeasurement } from '../decisions/entities/kpi-measurement.entity';
import { PostLaunchReview } from '../decisions/entities/post-launch-review.entity';
import { RiskAcceptance } from '../decisions/entities/risk-acceptance.entity';
import { IdempotencyKey } from '../common/http/idempotency-key.entity';
import { ApiKey } from '../identity/entities/api-key.entity';
import { OrgUnit } from '../identity/entities/org-unit.entity';
import { RefreshToken } from '../identity/entities/refresh-token.entity';
import { User } from '../identity/entities/user.entity';
import { SsoIdentity } from '../identity/sso/entities/sso-identity.entity';
import { SsoLoginRequest } from '../identity/sso/entities/sso-login-request.entity';
import { DomainEventRow } from '../notifications/entities/domain-event.entity';
import { Notification } from '../notifications/entities/notification.entity';
import { ProjectComment, ProjectKpi, ProjectTeamMember, ProjectVendor } from '../projects/entities/project-children.entity';
import { Project } from '../projects/entities/project.entity';
import { ProjectTransition } from '../projects/entities/project-transition.entity';
import { RiskAssessment, RiskAssessmentRating } from '../risk/entities/risk-assessment.entity';
import { RiskFrameworkVersion } from '../risk/entities/risk-framework-version.entity';
import { SlaBreach } from '../sla/sla-breach.entity';
import { ProjectSupport } from '../supports/entities/project-support.entity';
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
  SsoLoginRequest,
  SsoIdentity,
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
  Decision,
  ApprovalCondition,
  RiskAcceptance,
  KpiMeasurement,
  PostLaunchReview,
  Attachment,
  AttachmentContent,
  ProjectSupport,
];
