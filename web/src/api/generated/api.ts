/* eslint-disable */
/* tslint:disable */
// @ts-nocheck
/*
 * ---------------------------------------------------------------
 * ## THIS FILE WAS GENERATED VIA SWAGGER-TYPESCRIPT-API        ##
 * ##                                                           ##
 * ## AUTHOR: acacode                                           ##
 * ## SOURCE: https://github.com/acacode/swagger-typescript-api ##
 * ---------------------------------------------------------------
 */

export interface AcknowledgeDto {
  /**
   * Must be the current published version
   * @format uuid
   */
  versionId: string;
}

export interface AcknowledgementDto {
  acknowledgedAt: string;
  group: 'hero' | 'manager' | 'it';
  /** @format uuid */
  id: string;
  /** @format uuid */
  versionId: string;
  versionNumber: number;
}

export interface AcknowledgementStatusDto {
  acknowledgedAt: string | null;
  /** The groups the caller commits as (from their roles) */
  groups: ('hero' | 'manager' | 'it')[];
  /** Groups not yet acknowledged for this version */
  missingGroups: ('hero' | 'manager' | 'it')[];
  /** True when the caller must acknowledge this version before submitting, assessing or deciding */
  required: boolean;
}

export interface ApiKeyDto {
  createdAt: string;
  expiresAt: string;
  /** @format uuid */
  id: string;
  lastUsedAt: string | null;
  name: string;
  /** @format uuid */
  orgUnitId: string | null;
  /** @format uuid */
  ownerId: string;
  /**
   * Visible identifier of the key
   * @example "hck_1a2b3c4d5e6f"
   */
  prefix: string;
  revokedAt: string | null;
  scopes: ('projects:read' | 'projects:write' | 'kpis:write' | 'reports:read' | 'webhooks:manage' | 'users:read' | 'audit:read')[];
}

export interface ApiKeyPageDto {
  items: ApiKeyDto[];
  nextCursor: string | null;
}

export interface ApiKeysListParams {
  /** Opaque cursor from the previous page (nextCursor) */
  cursor?: string;
  /**
   * @min 1
   * @max 100
   * @default 20
   */
  limit?: number;
}

export interface ApiKeysRevokeParams {
  id: string;
}

export interface AssessmentDto {
  /** @format uuid */
  assessorId: string;
  /** @format uuid */
  copiedFromId: string | null;
  createdAt: string;
  /** @format uuid */
  createdById: string;
  /** The framework version this revision is rated against, for good */
  framework: FrameworkRefDto;
  /** @format uuid */
  id: string;
  /** Light (fast-track) assessment: only the dimensions the self-screening touches */
  light: boolean;
  mitigations: MitigationDto[];
  /** Highest residual level (server-computed); for a draft, of what is rated so far */
  overallLevel: 'low' | 'medium' | 'high' | 'critical' | null;
  /** @format uuid */
  projectId: string;
  proposedConditions: ProposedConditionDto[];
  /** In framework order */
  ratings: RatingDto[];
  recommendation: 'proceed' | 'proceed_with_conditions' | 'do_not_proceed' | null;
  revision: number;
  scope: ScopeEntryDto[];
  status: 'draft' | 'submitted';
  submittedAt: string | null;
  summary: string;
  updatedAt: string;
  version: number;
}

export interface AssessmentPageDto {
  items: AssessmentDto[];
  nextCursor: string | null;
}

export interface AssessmentsCreateParams {
  id: string;
}

export interface AssessmentsGetParams {
  id: string;
}

export interface AssessmentsListParams {
  /** Opaque cursor from the previous page (nextCursor) */
  cursor?: string;
  id: string;
  /**
   * @min 1
   * @max 100
   * @default 20
   */
  limit?: number;
}

export interface AssessmentsSubmitParams {
  id: string;
}

export interface AssessmentsUpdateParams {
  id: string;
}

export interface AssignDto {
  /**
   * The advisor to assign (CIO). Omit to assign yourself (advisor).
   * @format uuid
   */
  advisorId?: string;
}

export interface AttachmentDto {
  /**
   * SHA-256 of the content, hex
   * @example "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
   */
  sha256: string;
  /** @format uuid */
  assessmentId: string | null;
  /** @format uuid */
  conditionId: string | null;
  /** Detected from the content at upload */
  contentType:
    | 'application/pdf'
    | 'image/png'
    | 'image/jpeg'
    | 'image/gif'
    | 'image/webp'
    | 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
    | 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
    | 'application/vnd.openxmlformats-officedocument.presentationml.presentation'
    | 'text/plain'
    | 'text/csv';
  /**
   * Where to download the content
   * @example "/api/v1/attachments/…/content"
   */
  contentUrl: string;
  createdAt: string;
  description: string | null;
  /** @example "privacy-notice.pdf" */
  fileName: string;
  /** @format uuid */
  id: string;
  /** @format uuid */
  projectId: string;
  /** Size in bytes */
  sizeBytes: number;
  uploadedBy: UploaderDto;
}

export interface AttachmentPageDto {
  items: AttachmentDto[];
  nextCursor: string | null;
}

export interface AttachmentsContentParams {
  id: string;
}

export interface AttachmentsGetParams {
  id: string;
}

export interface AttachmentsRemoveParams {
  id: string;
}

export interface AuditActorDto {
  /** @format uuid */
  id: string | null;
  name: string;
  type: 'user' | 'api_key' | 'system';
}

export interface AuditEventDto {
  /** @example "project.submit" */
  action: string;
  actor: AuditActorDto;
  /** Changed fields after the change */
  after: Record<string, any> | null;
  /** Changed fields before the change */
  before: Record<string, any> | null;
  entityId: string | null;
  /** @example "project" */
  entityType: string;
  /** sha256(prevHash + canonical event) */
  hash: string;
  /** @format date-time */
  occurredAt: string;
  /** sha256 of the previous event (64 zeros for the first) */
  prevHash: string;
  /** @format uuid */
  projectId: string | null;
  requestId: string | null;
  /**
   * Position in the hash chain (a decimal string: it is a bigint)
   * @example "42"
   */
  seq: string;
}

export interface AuditEventPageDto {
  items: AuditEventDto[];
  nextCursor: string | null;
}

export interface AuditListParams {
  /**
   * @maxLength 64
   * @example "project.submit"
   */
  action?: string;
  /**
   * User or API key id
   * @format uuid
   */
  actorId?: string;
  actorType?: 'user' | 'api_key' | 'system';
  /** Opaque cursor from the previous page (nextCursor) */
  cursor?: string;
  /** @maxLength 128 */
  entityId?: string;
  /**
   * @maxLength 64
   * @example "project"
   */
  entityType?: string;
  /**
   * Events at or after this instant
   * @format date-time
   */
  from?: string;
  /**
   * @min 1
   * @max 100
   * @default 20
   */
  limit?: number;
  /** @format uuid */
  projectId?: string;
  /**
   * Events before this instant
   * @format date-time
   */
  to?: string;
}

export interface AuditVerificationDto {
  /** Events checked */
  checked: number;
  firstBrokenLink: BrokenLinkDto | null;
  valid: boolean;
  /** @format date-time */
  verifiedAt: string;
}

export interface BrokenLinkDto {
  expected: string;
  found: string;
  reason: 'hash-mismatch' | 'prev-hash-mismatch';
  /** seq of the first event whose link does not hold */
  seq: string;
}

export interface CommentDto {
  author: PersonRefDto | null;
  authorName: string;
  body: string;
  createdAt: string;
  /** @format uuid */
  id: string;
  kind: 'comment' | 'question' | 'answer';
  mentions: string[];
}

export interface CommentInputDto {
  /** @maxLength 5000 */
  body: string;
  /** Users mentioned */
  mentions?: string[];
}

export interface CommentPageDto {
  items: CommentDto[];
  nextCursor: string | null;
}

export interface CommitmentsDto {
  /**
   * HEROes' commitments
   * @maxItems 30
   * @minItems 1
   */
  hero: string[];
  /**
   * IT's commitments
   * @maxItems 30
   * @minItems 1
   */
  it: string[];
  /**
   * Managers' commitments
   * @maxItems 30
   * @minItems 1
   */
  manager: string[];
}

export interface CompactEditParams {
  id: string;
}

export interface CompactPublishParams {
  id: string;
}

export interface CompactPublishedDataDto {
  compactVersion: CompactVersionRefDto;
}

export interface CompactVersionDto {
  commitments: CommitmentsDto;
  createdAt: string;
  /** @format uuid */
  id: string;
  intro: string;
  /** Assigned at publication */
  number: number | null;
  publishedAt: string | null;
  status: 'draft' | 'published';
  title: string;
  version: number;
}

export interface CompactVersionPageDto {
  items: CompactVersionDto[];
  nextCursor: string | null;
}

export interface CompactVersionRefDto {
  /** @format uuid */
  id: string;
  number: number;
  publishedAt: string;
  title: string;
}

export interface CompactVersionsParams {
  /** Opaque cursor from the previous page (nextCursor) */
  cursor?: string;
  /**
   * @min 1
   * @max 100
   * @default 20
   */
  limit?: number;
}

export interface ConditionCountsDto {
  met: number;
  /** Still blocking launch */
  open: number;
  total: number;
  waived: number;
}

export interface ConditionDto {
  closedAt: string | null;
  closedBy: PersonDto | null;
  /** @format uuid */
  decisionId: string;
  /** @example "2027-03-01" */
  dueDate: string;
  evidenceNote: string | null;
  /** @format uuid */
  id: string;
  /** Open and past its due date */
  overdue: boolean;
  owner: PersonDto;
  status: 'open' | 'met' | 'waived';
  text: string;
  /** For If-Match on PATCH */
  version: number;
  waiverReason: string | null;
}

export interface ConditionInputDto {
  /**
   * Due date (today or later)
   * @example "2027-03-01"
   */
  dueDate: string;
  /**
   * Who meets it: the proposer, a team member or the assigned advisor
   * @format uuid
   */
  ownerId: string;
  /**
   * What must be done before launch
   * @minLength 3
   * @maxLength 2000
   */
  text: string;
}

export interface ConditionPageDto {
  items: ConditionDto[];
  nextCursor: string | null;
}

export interface CosignDto {
  outcome: 'cosign' | 'decline';
  /**
   * Why the CIO co-signs or declines
   * @minLength 3
   * @maxLength 5000
   */
  rationale: string;
}

export interface CosignStatusDto {
  at: string | null;
  by: PersonDto | null;
  rationale: string | null;
  status: 'not_required' | 'pending' | 'cosigned' | 'declined';
}

export interface CountDto {
  count: number;
  key: string;
}

export interface CreateApiKeyDto {
  /** Default: 90 days from now; at most 1 year */
  expiresAt?: string;
  /**
   * @minLength 1
   * @maxLength 100
   * @example "CRM sync"
   */
  name: string;
  /**
   * Limit the key to this unit subtree
   * @format uuid
   */
  orgUnitId?: string;
  /** @uniqueItems true */
  scopes: ('projects:read' | 'projects:write' | 'kpis:write' | 'reports:read' | 'webhooks:manage' | 'users:read' | 'audit:read')[];
}

export interface CreateAssessmentDto {
  /**
   * self_screening: start empty, with the dimensions the HERO’s answers touch flagged for attention. previous: copy the ratings, mitigations and proposed conditions of the last submitted revision.
   * @default "self_screening"
   */
  copyFrom?: 'self_screening' | 'previous';
}

export interface CreateCompactVersionDto {
  commitments: CommitmentsDto;
  /**
   * @minLength 1
   * @maxLength 5000
   */
  intro: string;
  /**
   * @minLength 1
   * @maxLength 200
   */
  title: string;
}

export interface CreateOrgUnitDto {
  kind: 'company' | 'division' | 'department' | 'team';
  /**
   * @minLength 1
   * @maxLength 200
   */
  name: string;
  /**
   * Omit only for the first (root) unit
   * @format uuid
   */
  parentId?: string;
}

export interface CreateProjectDto {
  budget?: MoneyDto;
  /**
   * The customer problem, in the customer’s words
   * @maxLength 4000
   */
  customerProblem?: string;
  /**
   * The top task customers are trying to do that this improves
   * @maxLength 1000
   */
  customerTask?: string;
  /** @uniqueItems true */
  dataCategories?: ('none' | 'personal' | 'sensitive' | 'payment' | 'health' | 'children' | 'location')[];
  effortValue?: EffortValueInputDto;
  /** @maxItems 20 */
  kpis?: KpiInputDto[];
  /**
   * Default: the proposer’s unit; must be within it
   * @format uuid
   */
  orgUnitId?: string;
  /** @maxLength 4000 */
  solution?: string;
  /** @maxLength 2000 */
  summary?: string;
  /** @maxItems 20 */
  tags?: string[];
  /** @maxLength 1000 */
  targetCustomers?: string;
  /**
   * ISO date
   * @example "2027-03-01"
   */
  targetLaunchDate?: string;
  /**
   * Colleagues working on it
   * @maxItems 30
   * @uniqueItems true
   */
  teamMemberIds?: string[];
  /** @uniqueItems true */
  technologies?: ('mobile' | 'social' | 'video' | 'cloud' | 'iot' | 'ai' | 'web' | 'other')[];
  /**
   * @minLength 1
   * @maxLength 200
   * @example "Delivery-status chatbot"
   */
  title: string;
  /** @maxItems 20 */
  vendors?: VendorInputDto[];
}

export interface CreateRiskFrameworkDto {
  /**
   * @minLength 1
   * @maxLength 5000
   */
  description?: string;
  /**
   * @maxItems 20
   * @minItems 1
   */
  dimensions?: FrameworkDimensionDto[];
  scale?: FrameworkScaleDto;
  /** Must cover 1–25 in level order with no gap or overlap */
  thresholds?: ThresholdsDto;
  /**
   * @minLength 1
   * @maxLength 200
   */
  title: string;
}

export interface CreateUserDto {
  approvalLimit?: MoneyDto | null;
  /**
   * @minLength 1
   * @maxLength 200
   */
  displayName: string;
  /**
   * @format email
   * @maxLength 254
   */
  email: string;
  /** Language of messages, notifications and problem texts. null: no preference, follow Accept-Language (docs/i18n.md). */
  locale?: 'en' | 'fr' | null;
  /** @format uuid */
  orgUnitId: string;
  /** At least 12 characters, not a common password */
  password?: string;
  /**
   * @uniqueItems true
   * @default ["hero"]
   */
  roles?: ('hero' | 'it_advisor' | 'cio' | 'manager' | 'admin')[];
}

export interface CreateWebhookDto {
  /**
   * @maxLength 500
   * @example "CRM sync"
   */
  description?: string;
  /**
   * ["*"] = every type
   * @minItems 1
   * @uniqueItems true
   * @example ["project.submitted","project.decided"]
   */
  eventTypes: (
    | '*'
    | 'project.submitted'
    | 'project.resubmitted'
    | 'project.assigned'
    | 'project.info_requested'
    | 'project.info_provided'
    | 'assessment.submitted'
    | 'project.decided'
    | 'project.cosigned'
    | 'condition.updated'
    | 'project.withdrawn'
    | 'project.amended'
    | 'project.delivery_started'
    | 'project.launched'
    | 'project.retired'
    | 'kpi.off_track'
    | 'sla.breached'
    | 'compact.published'
  )[];
  /**
   * whsec_ + base64 of 24–64 random bytes. Omit to have one generated (returned once).
   * @maxLength 200
   */
  secret?: string;
  /**
   * http or https; loopback, private and link-local targets are refused (SSRF) unless the server allows them
   * @maxLength 2048
   * @example "https://crm.example.com/hooks/hero-compact"
   */
  url: string;
}

export interface CreatedApiKeyDto {
  createdAt: string;
  expiresAt: string;
  /** @format uuid */
  id: string;
  /** The secret key: shown only in this response, send it as X-API-Key */
  key: string;
  lastUsedAt: string | null;
  name: string;
  /** @format uuid */
  orgUnitId: string | null;
  /** @format uuid */
  ownerId: string;
  /**
   * Visible identifier of the key
   * @example "hck_1a2b3c4d5e6f"
   */
  prefix: string;
  revokedAt: string | null;
  scopes: ('projects:read' | 'projects:write' | 'kpis:write' | 'reports:read' | 'webhooks:manage' | 'users:read' | 'audit:read')[];
}

export interface CurrentCompactDto {
  /** Absent for API keys */
  acknowledgement?: AcknowledgementStatusDto;
  version: CompactVersionDto;
}

export interface CycleTimesReportDto {
  /** The same per unit (rolled up like the portfolio report) */
  byOrgUnit: StageTimeDto[];
  /** @format date-time */
  generatedAt: string;
  stages: StageTimeDto[];
}

export interface DecideDto {
  /**
   * Only with approve_with_conditions. When omitted or empty, the assessment’s proposed conditions are used (owner defaults to the proposer, due date to the target launch date).
   * @maxItems 20
   */
  conditions?: ConditionInputDto[];
  outcome: 'approve' | 'approve_with_conditions' | 'reject' | 'request_changes';
  /**
   * Why: written for the proposer and the record
   * @minLength 3
   * @maxLength 5000
   */
  rationale: string;
  /** Required when approving against a do_not_proceed recommendation; allowed with any approval */
  riskAcceptance?: RiskAcceptanceInputDto;
}

export interface DecisionDto {
  assessor: PersonDto;
  conditions: ConditionDto[];
  cosign: CosignStatusDto;
  decidedAt: string;
  decidedBy: PersonDto;
  /** @format uuid */
  id: string;
  /** An approval that currently authorises the project (not superseded, not declined) */
  inForce: boolean;
  outcome: 'approve' | 'approve_with_conditions' | 'reject' | 'request_changes';
  /** @format uuid */
  projectId: string;
  rationale: string;
  riskAcceptance: RiskAcceptanceDto | null;
  /** What was decided on: the evidence */
  snapshot: DecisionSnapshotDto;
  status: 'pending_cosign' | 'effective' | 'cosign_declined';
  /** When a later decision replaced this one */
  supersededAt: string | null;
}

export interface DecisionPageDto {
  items: DecisionDto[];
  nextCursor: string | null;
}

export interface DecisionRateDto {
  /** approved / decisions, 0–1 */
  approvalRate: number;
  approved: number;
  changesRate: number;
  changesRequested: number;
  decisions: number;
  /**
   * null for the overall row
   * @format uuid
   */
  orgUnitId: string | null;
  orgUnitName: string | null;
  /** Rejected by the manager or declined at co-sign */
  rejected: number;
  rejectionRate: number;
}

export interface DecisionSnapshotDto {
  /** @format uuid */
  assessmentId: string;
  assessmentRevision: number;
  budget: MoneyDto | null;
  dataCategories: string[];
  /** @format uuid */
  frameworkVersionId: string;
  recommendation: 'proceed' | 'proceed_with_conditions' | 'do_not_proceed';
  riskLevel: 'low' | 'medium' | 'high' | 'critical';
  technologies: string[];
  vendors: VendorScopeDto[];
}

export interface DecisionsCosignParams {
  id: string;
}

export interface DecisionsDecideParams {
  id: string;
}

export interface DecisionsListConditionsParams {
  id: string;
}

export interface DecisionsListParams {
  /** Opaque cursor from the previous page (nextCursor) */
  cursor?: string;
  id: string;
  /**
   * @min 1
   * @max 100
   * @default 20
   */
  limit?: number;
}

export interface DecisionsReportDto {
  /** @format date-time */
  generatedAt: string;
  rows: DecisionRateDto[];
}

export interface DecisionsUpdateConditionParams {
  conditionId: string;
  id: string;
}

export interface DeliveryAttemptDto {
  /** @example 1 */
  attempt: number;
  durationMs: number;
  error: string | null;
  /** A manual redelivery */
  manual: boolean;
  /** HTTP status; null when no response came (network error, timeout) */
  responseStatus: number | null;
  startedAt: string;
  succeeded: boolean;
}

export interface DeliveryLaunchParams {
  id: string;
}

export interface DeliveryRecordParams {
  id: string;
}

export interface DeliveryRetireParams {
  id: string;
}

export interface DeliveryScheduleParams {
  id: string;
}

export interface DeliveryStartDeliveryParams {
  id: string;
}

export interface EffortValueInputDto {
  /**
   * How many customers it reaches
   * @min 0
   * @max 4
   */
  customersReached: number;
  /**
   * Integration work with existing systems
   * @min 0
   * @max 4
   */
  integrationWork: number;
  /**
   * Money needed
   * @min 0
   * @max 4
   */
  money: number;
  /**
   * People needed
   * @min 0
   * @max 4
   */
  people: number;
  /**
   * Fit with strategy
   * @min 0
   * @max 4
   */
  strategicFit: number;
  /**
   * How much the customer task improves
   * @min 0
   * @max 4
   */
  taskImprovement: number;
  /**
   * Weeks of work
   * @min 0
   * @max 4
   */
  weeks: number;
}

export interface EffortValueResultDto {
  /** The questionnaire answers */
  answers: Record<string, number>;
  /**
   * @min 0
   * @max 100
   */
  effortScore: number;
  /**
   * @min 0
   * @max 100
   */
  valueScore: number;
  verdict: 'no_brainer' | 'effort_exceeds_value' | 'balanced';
}

export interface ExpiringAcceptanceDto {
  acceptedLevel: 'low' | 'medium' | 'high' | 'critical';
  /** @example "2027-01-31" */
  expiresOn: string;
  /** @format uuid */
  id: string;
  /** @format uuid */
  projectId: string;
  projectReference: string;
  projectTitle: string;
  statement: string;
}

export interface FieldErrorDto {
  /** @example "budget.amount" */
  field: string;
  /** @example "amount must not be less than 0" */
  message: string;
}

export interface FrameworkDimensionDto {
  /**
   * What the dimension is about, for a reader outside IT
   * @minLength 10
   * @maxLength 2000
   */
  guidance: string;
  /**
   * Stable key ratings refer to (lower case, digits, underscore)
   * @pattern ^[a-z][a-z0-9_]{1,39}$
   * @example "privacy"
   */
  key: string;
  /**
   * @minLength 1
   * @maxLength 100
   * @example "Privacy & data protection"
   */
  name: string;
  /**
   * Examples of what raises this risk
   * @maxItems 20
   * @minItems 1
   */
  raisedBy: string[];
}

export interface FrameworkRefDto {
  /** @format uuid */
  id: string;
  number: number;
}

export interface FrameworkScaleDto {
  /**
   * Exactly five steps, values 1 to 5
   * @maxItems 5
   * @minItems 5
   */
  impact: ScaleStepDto[];
  /**
   * Exactly five steps, values 1 to 5
   * @maxItems 5
   * @minItems 5
   */
  likelihood: ScaleStepDto[];
}

export interface HeatmapCellDto {
  count: number;
  /** Risk dimension; null for all dimensions together */
  dimension: string | null;
  /**
   * @min 1
   * @max 5
   */
  impact: number;
  kind: 'inherent' | 'residual';
  /**
   * @min 1
   * @max 5
   */
  likelihood: number;
}

export interface HeroIndexReportDto {
  /** @format date-time */
  generatedAt: string;
  rows: HeroIndexRowDto[];
}

export interface HeroIndexRowDto {
  /** Share of employees who acknowledged the current compact, 0–1 */
  acknowledgedShare: number;
  /** approved / decisions, 0–1 */
  approvalRate: number;
  /** Decisions taken on the unit’s projects in the date range */
  decisions: number;
  /** Active employees in the unit subtree */
  employees: number;
  /** Median hours from (re)submission to decision */
  medianHoursToDecision: number | null;
  /**
   * null for the overall row
   * @format uuid
   */
  orgUnitId: string | null;
  orgUnitName: string | null;
  /** Share of employees who proposed a project (in the date range), 0–1 */
  proposedShare: number;
}

export interface KpiDto {
  baseline: number;
  direction: 'increase' | 'decrease';
  /** @format uuid */
  id: string;
  name: string;
  target: number;
  unit: string;
}

export interface KpiInputDto {
  /** @example 1200 */
  baseline: number;
  direction: 'increase' | 'decrease';
  /**
   * @minLength 1
   * @maxLength 200
   * @example "Calls about delivery status"
   */
  name: string;
  /** @example 800 */
  target: number;
  /**
   * @minLength 1
   * @maxLength 50
   * @example "calls/week"
   */
  unit: string;
}

export interface KpiOutcomeDto {
  kpis: number;
  kpisNoData: number;
  kpisOffTrack: number;
  kpisOnTrack: number;
  /** kpisOnTrack / measured KPIs, 0–1 */
  onTrackShare: number;
  /** Launched projects */
  projects: number;
  /** Projects with at least one KPI on track and none off track */
  projectsOnTrack: number;
  /** null for all launched projects together */
  technology: string | null;
}

export interface KpiOutcomesReportDto {
  /** @format date-time */
  generatedAt: string;
  rows: KpiOutcomeDto[];
}

export interface KpiReportDto {
  items: KpiReportItemDto[];
  /** @format uuid */
  projectId: string;
}

export interface KpiReportItemDto {
  baseline: number;
  direction: 'increase' | 'decrease';
  /** @format uuid */
  kpiId: string;
  latest: MeasurementDto | null;
  measurementCount: number;
  name: string;
  /** The measurement before the latest */
  previousValue: number | null;
  /** Share of the way from baseline to target (1 = target reached) */
  progress: number | null;
  /** The 10 most recent measurements, newest first */
  recent: MeasurementDto[];
  status: 'no_data' | 'on_track' | 'off_track';
  target: number;
  targetMet: boolean;
  /** Latest vs previous, in the KPI’s direction */
  trend: 'improving' | 'worsening' | 'flat' | null;
  unit: string;
}

export interface KpisMeasureParams {
  id: string;
  kpiId: string;
}

export interface KpisReportParams {
  id: string;
}

export interface LoginDto {
  /**
   * @format email
   * @maxLength 254
   * @example "hero@demo.local"
   */
  email: string;
  /**
   * @minLength 1
   * @maxLength 256
   * @example "hero-compact-demo"
   */
  password: string;
}

export interface MeDto {
  /** Managers: the largest budget they may approve */
  approvalLimit?: MoneyDto | null;
  createdAt: string;
  displayName: string;
  email: string;
  /** @format uuid */
  id: string;
  /** Language of messages, notifications and problem texts. null: no preference, follow Accept-Language (docs/i18n.md). */
  locale: 'en' | 'fr' | null;
  orgUnit: OrgUnitRefDto;
  /** @format uuid */
  orgUnitId: string;
  /** What the roles allow (dotted permission names) */
  permissions: string[];
  /** Always includes hero */
  roles: ('hero' | 'it_advisor' | 'cio' | 'manager' | 'admin')[];
  status: 'active' | 'disabled';
  updatedAt: string;
  version: number;
}

export interface MeasurementDto {
  /** @format uuid */
  id: string;
  /** @format uuid */
  kpiId: string;
  /** @example "2027-04-01" */
  measuredOn: string;
  note: string;
  recordedAt: string;
  recordedByName: string;
  recordedByType: 'user' | 'api_key';
  value: number;
}

export interface MeasurementInputDto {
  /**
   * The day the value was measured (not in the future)
   * @example "2027-04-01"
   */
  measuredOn: string;
  /**
   * Context for the value
   * @maxLength 2000
   */
  note?: string;
  /** @example 950 */
  value: number;
}

export interface MitigationDto {
  dimension: string | null;
  dueDate: string | null;
  owner: string;
  status: 'open' | 'done';
  text: string;
}

export interface MitigationInputDto {
  /**
   * The dimension this mitigation addresses
   * @minLength 1
   * @maxLength 40
   */
  dimension?: string;
  /** @example "2027-01-31" */
  dueDate?: string;
  /**
   * Who does it (a person, team or vendor)
   * @minLength 1
   * @maxLength 200
   */
  owner: string;
  /** @default "open" */
  status?: 'open' | 'done';
  /**
   * The concrete step that lowers the risk
   * @minLength 3
   * @maxLength 2000
   */
  text: string;
}

export interface MoneyDto {
  /**
   * Integer amount in minor units (cents)
   * @min 0
   * @max 9007199254740991
   * @example 125000
   */
  amount: number;
  /**
   * ISO 4217 currency code
   * @example "EUR"
   */
  currency: string;
}

export interface NotificationDto {
  body: string;
  createdAt: string;
  /**
   * The domain event (the webhook-id of its deliveries)
   * @format uuid
   */
  eventId: string | null;
  /** @format uuid */
  id: string;
  /** @format uuid */
  projectId: string | null;
  readAt: string | null;
  title: string;
  /** The domain event type (docs/webhooks.md), or webhook.disabled for operational notices */
  type: string;
}

export interface NotificationPageDto {
  items: NotificationDto[];
  nextCursor: string | null;
}

export interface NotificationsListParams {
  /** Opaque cursor from the previous page (nextCursor) */
  cursor?: string;
  /**
   * @min 1
   * @max 100
   * @default 20
   */
  limit?: number;
  /** Only unread (true) or only read (false) notifications */
  unread?: boolean;
}

export interface NotificationsMarkReadParams {
  id: string;
}

export interface OrgUnitDto {
  depth: number;
  /** @format uuid */
  id: string;
  kind: 'company' | 'division' | 'department' | 'team';
  name: string;
  /** @format uuid */
  parentId: string | null;
  /** Materialized path of ids from the root, e.g. /<root>/<unit>/ */
  path: string;
  version: number;
}

export interface OrgUnitPageDto {
  items: OrgUnitDto[];
  nextCursor: string | null;
}

export interface OrgUnitRefDto {
  /** @format uuid */
  id: string;
  name: string;
}

export interface OrgUnitsGetParams {
  id: string;
}

export interface OrgUnitsListParams {
  /** Opaque cursor from the previous page (nextCursor) */
  cursor?: string;
  /**
   * @min 1
   * @max 100
   * @default 20
   */
  limit?: number;
}

export interface OrgUnitsUpdateParams {
  id: string;
}

export interface PersonDto {
  displayName: string;
  /** @format uuid */
  id: string;
}

export interface PersonRefDto {
  displayName: string;
  /** @format uuid */
  id: string;
}

export interface PortfolioReportDto {
  /** `true` / `false` */
  byFastTrack: CountDto[];
  /** Rolled up to the units one level below the filter unit (or the company) */
  byOrgUnit: UnitCountDto[];
  /** `unassessed` for projects without an overall level yet */
  byRiskLevel: CountDto[];
  byState: CountDto[];
  byTechnology: CountDto[];
  /** @format date-time */
  generatedAt: string;
  /** The ten most supported of the counted projects */
  mostSupported: SupportedProjectDto[];
  /** Colleagues’ supports on the counted projects */
  supports: number;
  /** Projects counted (created in the date range, visible to the caller, matching the filters) */
  total: number;
}

export interface ProblemDto {
  /** @example "The request has invalid fields." */
  detail?: string;
  errors?: FieldErrorDto[];
  /** @example "/api/v1/projects" */
  instance?: string;
  /** @example "2c1f5a8e-0c77-4f55-9d1e-3f6c1f7b1d2a" */
  requestId?: string;
  /** @example 400 */
  status: number;
  /** @example "Validation failed" */
  title: string;
  /** @example "https://hero-compact.dev/problems/validation-error" */
  type: string;
}

export interface ProjectActionsAssignParams {
  id: string;
}

export interface ProjectActionsRequestInfoParams {
  id: string;
}

export interface ProjectActionsRespondParams {
  id: string;
}

export interface ProjectActionsSubmitParams {
  id: string;
}

export interface ProjectActionsWithdrawParams {
  id: string;
}

export interface ProjectAttachmentsListParams {
  /**
   * Only the files attached to this assessment
   * @format uuid
   */
  assessmentId?: string;
  /**
   * Only the files attached to this condition
   * @format uuid
   */
  conditionId?: string;
  /** Opaque cursor from the previous page (nextCursor) */
  cursor?: string;
  id: string;
  /**
   * @min 1
   * @max 100
   * @default 20
   */
  limit?: number;
}

export interface ProjectAttachmentsUploadParams {
  id: string;
}

export interface ProjectAttachmentsUploadPayload {
  /**
   * Attach to this assessment of the project
   * @format uuid
   */
  assessmentId?: string;
  /**
   * Attach to this condition of approval of the project
   * @format uuid
   */
  conditionId?: string;
  /** @maxLength 1000 */
  description?: string;
  /**
   * The file. Accepted, as detected from its bytes: PDF, PNG image, JPEG image, GIF image, WebP image, Word document (DOCX), Excel workbook (XLSX), PowerPoint presentation (PPTX), plain text (UTF-8), CSV (UTF-8).
   * @format binary
   */
  file: File;
}

export interface ProjectConversationAddParams {
  id: string;
}

export interface ProjectConversationHistoryParams {
  /** Opaque cursor from the previous page (nextCursor) */
  cursor?: string;
  id: string;
  /**
   * @min 1
   * @max 100
   * @default 20
   */
  limit?: number;
}

export interface ProjectConversationListParams {
  /** Opaque cursor from the previous page (nextCursor) */
  cursor?: string;
  id: string;
  /**
   * @min 1
   * @max 100
   * @default 20
   */
  limit?: number;
}

export interface ProjectDecisionSummaryDto {
  assessmentRevision: number;
  conditions: ConditionCountsDto;
  cosign: 'not_required' | 'pending' | 'cosigned' | 'declined';
  decidedAt: string;
  /** @format uuid */
  decidedById: string;
  decidedByName: string;
  /** @format uuid */
  id: string;
  /** An approval that currently authorises the project */
  inForce: boolean;
  outcome: 'approve' | 'approve_with_conditions' | 'reject' | 'request_changes';
  riskAcceptance: RiskAcceptanceSummaryDto | null;
  status: 'pending_cosign' | 'effective' | 'cosign_declined';
}

export interface ProjectDto {
  /** Lifecycle actions the caller may take now */
  allowedActions: string[];
  assignedAdvisor: PersonRefDto | null;
  /** @format uuid */
  assignedAdvisorId: string | null;
  budget: MoneyDto | null;
  createdAt: string;
  customerProblem: string;
  customerTask: string;
  dataCategories: ('none' | 'personal' | 'sensitive' | 'payment' | 'health' | 'children' | 'location')[];
  /** The current decision in brief (full record: GET /projects/{id}/decisions) */
  decision: ProjectDecisionSummaryDto | null;
  effortScore: number | null;
  effortValue: EffortValueResultDto | null;
  fastTrack: boolean;
  /** @format uuid */
  id: string;
  kpis: KpiDto[];
  /** When the project launched */
  launchedAt: string | null;
  orgUnit: UnitRefDto;
  /** @format uuid */
  orgUnitId: string;
  proposer: PersonRefDto;
  /** @format uuid */
  proposerId: string;
  /** @example "HC-2026-0042" */
  reference: string;
  retiredAt: string | null;
  /** Why the project was retired */
  retirementReason: string | null;
  riskLevel: 'low' | 'medium' | 'high' | 'critical' | null;
  selfScreening: SelfScreeningResultDto | null;
  solution: string;
  state: string;
  submittedAt: string | null;
  summary: string;
  /** How many colleagues support the project (GET /projects/{id}/supports) */
  supportCount: number;
  tags: string[];
  targetCustomers: string;
  targetLaunchDate: string | null;
  team: PersonRefDto[];
  technologies: ('mobile' | 'social' | 'video' | 'cloud' | 'iot' | 'ai' | 'web' | 'other')[];
  title: string;
  updatedAt: string;
  valueScore: number | null;
  valueVerdict: string | null;
  vendors: VendorDto[];
  version: number;
}

export interface ProjectEventDataDto {
  /**
   * The lifecycle action
   * @example "submit"
   */
  action: string;
  /** project.decided and project.cosigned only */
  outcome?: 'approve' | 'reject' | 'request_changes' | 'cosign' | 'decline';
  /** @example "draft" */
  previousState: string;
  project: WebhookProjectDto;
}

export interface ProjectFastTrackRemoveParams {
  id: string;
}

export interface ProjectSummaryDto {
  /** @format uuid */
  assignedAdvisorId: string | null;
  budget: MoneyDto | null;
  createdAt: string;
  customerTask: string;
  effortScore: number | null;
  fastTrack: boolean;
  /** @format uuid */
  id: string;
  /** @format uuid */
  orgUnitId: string;
  /** @format uuid */
  proposerId: string;
  /** @example "HC-2026-0042" */
  reference: string;
  riskLevel: 'low' | 'medium' | 'high' | 'critical' | null;
  state: string;
  submittedAt: string | null;
  /** How many colleagues support the project (GET /projects/{id}/supports) */
  supportCount: number;
  targetLaunchDate: string | null;
  technologies: ('mobile' | 'social' | 'video' | 'cloud' | 'iot' | 'ai' | 'web' | 'other')[];
  title: string;
  updatedAt: string;
  valueScore: number | null;
  valueVerdict: string | null;
  version: number;
}

export interface ProjectSummaryPageDto {
  items: ProjectSummaryDto[];
  nextCursor: string | null;
}

export interface ProjectsGetParams {
  id: string;
}

export interface ProjectsListParams {
  /** Projects assigned to me as advisor */
  assignedToMe?: boolean;
  /** Projects awaiting my decision */
  awaitingMyDecision?: boolean;
  /** Created at or after (ISO 8601) */
  createdFrom?: string;
  /** Created before (ISO 8601) */
  createdTo?: string;
  /** Opaque cursor from the previous page (nextCursor) */
  cursor?: string;
  /**
   * @min 1
   * @max 100
   * @default 20
   */
  limit?: number;
  /** Projects I propose or work on */
  mine?: boolean;
  /**
   * This unit and everything below it
   * @format uuid
   */
  orgUnitId?: string;
  /**
   * Full text over title, summary and customer task
   * @maxLength 200
   */
  q?: string;
  riskLevel?: 'low' | 'medium' | 'high' | 'critical';
  /**
   * Default -createdAt; with unassigned=true, submittedAt (the longest-waiting first)
   * @default "-createdAt"
   */
  sort?:
    'createdAt' | '-createdAt' | 'updatedAt' | '-updatedAt' | 'targetLaunchDate' | '-targetLaunchDate' | 'submittedAt' | '-submittedAt';
  /**
   * Comma-separated states
   * @maxLength 300
   */
  state?: string;
  technology?: 'mobile' | 'social' | 'video' | 'cloud' | 'iot' | 'ai' | 'web' | 'other';
  /** Submitted projects without an advisor (the assignment queue), oldest first */
  unassigned?: boolean;
}

export interface ProjectsSelfScreeningParams {
  id: string;
}

export interface ProjectsUpdateParams {
  id: string;
}

export interface ProposedConditionDto {
  dueDate: string | null;
  /** @format uuid */
  ownerId: string | null;
  text: string;
}

export interface ProposedConditionInputDto {
  /** @example "2027-01-31" */
  dueDate?: string;
  /**
   * The person who will meet it
   * @format uuid
   */
  ownerId?: string;
  /**
   * A condition the advisor proposes for approval
   * @minLength 3
   * @maxLength 2000
   */
  text: string;
}

export interface RatingDto {
  attention: boolean;
  dimension: string;
  impact: number;
  inherentLevel: 'low' | 'medium' | 'high' | 'critical';
  /**
   * likelihood × impact (server-computed)
   * @min 1
   * @max 25
   */
  inherentScore: number;
  likelihood: number;
  /** What stops this rating from being submitted (empty when fine) */
  problems: RatingProblemDto[];
  rationale: string;
  residualImpact: number;
  residualLevel: 'low' | 'medium' | 'high' | 'critical';
  residualLikelihood: number;
  /**
   * residual likelihood × residual impact (server-computed)
   * @min 1
   * @max 25
   */
  residualScore: number;
}

export interface RatingInputDto {
  /**
   * A dimension key of the assessment’s framework version
   * @minLength 1
   * @maxLength 40
   * @example "privacy"
   */
  dimension: string;
  /**
   * @min 1
   * @max 5
   */
  impact: number;
  /**
   * @min 1
   * @max 5
   */
  likelihood: number;
  /**
   * Required to submit when the rating is medium or above
   * @maxLength 4000
   */
  rationale?: string;
  /**
   * After mitigations; defaults to impact
   * @min 1
   * @max 5
   */
  residualImpact?: number;
  /**
   * After mitigations; defaults to likelihood
   * @min 1
   * @max 5
   */
  residualLikelihood?: number;
}

export interface RatingProblemDto {
  code: 'rationale_required' | 'residual_exceeds_inherent';
  field: 'rationale' | 'residualLikelihood' | 'residualImpact';
}

export interface ReasonDto {
  /**
   * Why
   * @minLength 1
   * @maxLength 2000
   */
  reason?: string;
}

export interface RefreshDto {
  /**
   * @minLength 20
   * @maxLength 256
   */
  refreshToken: string;
}

export interface ReportsCycleTimesParams {
  /**
   * Start of the date range (inclusive), ISO 8601 date or date-time
   * @example "2026-01-01"
   */
  from?: string;
  /**
   * Only this org unit and the units below it
   * @format uuid
   */
  orgUnitId?: string;
  technology?: 'mobile' | 'social' | 'video' | 'cloud' | 'iot' | 'ai' | 'web' | 'other';
  /**
   * End of the date range (exclusive), ISO 8601 date or date-time
   * @example "2027-01-01"
   */
  to?: string;
}

export interface ReportsDecisionsParams {
  /**
   * Start of the date range (inclusive), ISO 8601 date or date-time
   * @example "2026-01-01"
   */
  from?: string;
  /**
   * Only this org unit and the units below it
   * @format uuid
   */
  orgUnitId?: string;
  technology?: 'mobile' | 'social' | 'video' | 'cloud' | 'iot' | 'ai' | 'web' | 'other';
  /**
   * End of the date range (exclusive), ISO 8601 date or date-time
   * @example "2027-01-01"
   */
  to?: string;
}

export interface ReportsHeroIndexParams {
  /**
   * Start of the date range (inclusive), ISO 8601 date or date-time
   * @example "2026-01-01"
   */
  from?: string;
  /**
   * Only this org unit and the units below it
   * @format uuid
   */
  orgUnitId?: string;
  technology?: 'mobile' | 'social' | 'video' | 'cloud' | 'iot' | 'ai' | 'web' | 'other';
  /**
   * End of the date range (exclusive), ISO 8601 date or date-time
   * @example "2027-01-01"
   */
  to?: string;
}

export interface ReportsKpisParams {
  /**
   * Start of the date range (inclusive), ISO 8601 date or date-time
   * @example "2026-01-01"
   */
  from?: string;
  /**
   * Only this org unit and the units below it
   * @format uuid
   */
  orgUnitId?: string;
  technology?: 'mobile' | 'social' | 'video' | 'cloud' | 'iot' | 'ai' | 'web' | 'other';
  /**
   * End of the date range (exclusive), ISO 8601 date or date-time
   * @example "2027-01-01"
   */
  to?: string;
}

export interface ReportsPortfolioParams {
  /**
   * Start of the date range (inclusive), ISO 8601 date or date-time
   * @example "2026-01-01"
   */
  from?: string;
  /**
   * Only this org unit and the units below it
   * @format uuid
   */
  orgUnitId?: string;
  technology?: 'mobile' | 'social' | 'video' | 'cloud' | 'iot' | 'ai' | 'web' | 'other';
  /**
   * End of the date range (exclusive), ISO 8601 date or date-time
   * @example "2027-01-01"
   */
  to?: string;
}

export interface ReportsRiskAcceptancesParams {
  /**
   * Flag acceptances expiring within this many days
   * @min 1
   * @max 366
   * @default 30
   */
  expiringWithinDays?: number;
  /**
   * Start of the date range (inclusive), ISO 8601 date or date-time
   * @example "2026-01-01"
   */
  from?: string;
  /**
   * Only this org unit and the units below it
   * @format uuid
   */
  orgUnitId?: string;
  technology?: 'mobile' | 'social' | 'video' | 'cloud' | 'iot' | 'ai' | 'web' | 'other';
  /**
   * End of the date range (exclusive), ISO 8601 date or date-time
   * @example "2027-01-01"
   */
  to?: string;
}

export interface ReportsRiskHeatmapParams {
  /**
   * Start of the date range (inclusive), ISO 8601 date or date-time
   * @example "2026-01-01"
   */
  from?: string;
  /**
   * Only this org unit and the units below it
   * @format uuid
   */
  orgUnitId?: string;
  technology?: 'mobile' | 'social' | 'video' | 'cloud' | 'iot' | 'ai' | 'web' | 'other';
  /**
   * End of the date range (exclusive), ISO 8601 date or date-time
   * @example "2027-01-01"
   */
  to?: string;
}

export interface ReportsSlaParams {
  /**
   * Start of the date range (inclusive), ISO 8601 date or date-time
   * @example "2026-01-01"
   */
  from?: string;
  /**
   * Only this org unit and the units below it
   * @format uuid
   */
  orgUnitId?: string;
  technology?: 'mobile' | 'social' | 'video' | 'cloud' | 'iot' | 'ai' | 'web' | 'other';
  /**
   * End of the date range (exclusive), ISO 8601 date or date-time
   * @example "2027-01-01"
   */
  to?: string;
}

export interface RequestInfoDto {
  /**
   * The question for the proposer
   * @minLength 3
   * @maxLength 5000
   */
  question: string;
}

export interface RequiredReasonDto {
  /**
   * Why
   * @minLength 3
   * @maxLength 2000
   */
  reason: string;
}

export interface RespondDto {
  /**
   * The answer to the advisor’s question
   * @minLength 1
   * @maxLength 5000
   */
  answer: string;
}

export interface RetireDto {
  /**
   * Why the project is retired
   * @minLength 3
   * @maxLength 2000
   */
  reason: string;
}

export interface ReviewDto {
  /** @example "2027-04-30" */
  dueOn: string;
  /** @format uuid */
  id: string;
  /** The KPIs as the reviewer saw them */
  kpis: KpiReportItemDto[];
  milestone: 30 | 90;
  outcome: 'scale' | 'iterate' | 'stop';
  /** The project’s state after the review (retired after stop) */
  projectState: string;
  rationale: string;
  recordedAt: string;
  reviewer: PersonDto;
}

export interface ReviewInputDto {
  /** Which review: 30 or 90 days after launch */
  milestone: 30 | 90;
  /** scale, iterate, or stop (stop retires the project) */
  outcome: 'scale' | 'iterate' | 'stop';
  /**
   * Why, looking at the KPIs
   * @minLength 3
   * @maxLength 5000
   */
  rationale: string;
}

export interface ReviewScheduleDto {
  items: ScheduledReviewDto[];
  /** Launch day (UTC); null before launch */
  launchedOn: string | null;
  /** @format uuid */
  projectId: string;
}

export interface RiskAcceptanceDto {
  acceptedAt: string;
  acceptedBy: PersonDto;
  acceptedLevel: 'low' | 'medium' | 'high' | 'critical';
  /** @format uuid */
  decisionId: string;
  /** The expiry date has passed: the acceptance must be renewed by a new decision */
  expired: boolean;
  /** @example "2027-12-31" */
  expiresOn: string;
  /** @format uuid */
  id: string;
  /** Part of the approval in force and not expired */
  inForce: boolean;
  /** @format uuid */
  projectId: string;
  /** @example "HC-2026-0042" */
  projectReference: string;
  projectTitle: string;
  statement: string;
}

export interface RiskAcceptanceInputDto {
  /** The level accepted: at least the assessment’s overall level */
  acceptedLevel: 'low' | 'medium' | 'high' | 'critical';
  /**
   * When the acceptance must be reviewed (after today)
   * @example "2027-12-31"
   */
  expiresOn: string;
  /**
   * The manager’s written acceptance of the residual risk
   * @minLength 10
   * @maxLength 5000
   */
  statement: string;
}

export interface RiskAcceptancePageDto {
  items: RiskAcceptanceDto[];
  nextCursor: string | null;
}

export interface RiskAcceptanceSummaryDto {
  acceptedLevel: 'low' | 'medium' | 'high' | 'critical';
  expired: boolean;
  /** @example "2027-12-31" */
  expiresOn: string;
  statement: string;
}

export interface RiskAcceptancesListParams {
  /** Opaque cursor from the previous page (nextCursor) */
  cursor?: string;
  /** Only expired (true) or only unexpired (false) acceptances */
  expired?: boolean;
  /** Only acceptances of approvals in force (true) or only void ones (false) */
  inForce?: boolean;
  /**
   * @min 1
   * @max 100
   * @default 20
   */
  limit?: number;
}

export interface RiskAcceptancesReportDto {
  expired: number;
  /** The expiring ones, soonest first (at most 100; GET /risk-acceptances pages through all) */
  expiring: ExpiringAcceptanceDto[];
  /** In force and expiring within expiringWithinDays */
  expiringSoon: number;
  expiringWithinDays: number;
  /** @format date-time */
  generatedAt: string;
  /** Not expired today */
  inForce: number;
  /** In force, by accepted level */
  inForceByLevel: CountDto[];
}

export interface RiskFrameworkDto {
  createdAt: string;
  description: string;
  dimensions: FrameworkDimensionDto[];
  /** @format uuid */
  id: string;
  /** Assigned at publication */
  number: number | null;
  publishedAt: string | null;
  scale: FrameworkScaleDto;
  status: 'draft' | 'published';
  thresholds: ThresholdsDto;
  title: string;
  version: number;
}

export interface RiskFrameworkPageDto {
  items: RiskFrameworkDto[];
  nextCursor: string | null;
}

export interface RiskFrameworksGetParams {
  id: string;
}

export interface RiskFrameworksListParams {
  /** Opaque cursor from the previous page (nextCursor) */
  cursor?: string;
  /**
   * @min 1
   * @max 100
   * @default 20
   */
  limit?: number;
}

export interface RiskFrameworksPublishParams {
  id: string;
}

export interface RiskHeatmapReportDto {
  /** Projects whose latest submitted assessment is counted */
  assessedProjects: number;
  /** Non-empty cells only */
  cells: HeatmapCellDto[];
  /** @format date-time */
  generatedAt: string;
}

export interface ScaleStepDto {
  /**
   * @minLength 1
   * @maxLength 500
   */
  description: string;
  /**
   * @minLength 1
   * @maxLength 60
   * @example "Likely"
   */
  label: string;
  /**
   * @min 1
   * @max 5
   */
  value: number;
}

export interface ScheduledReviewDto {
  /** @example "2027-04-30" */
  dueOn: string;
  milestone: 30 | 90;
  review: ReviewDto | null;
  /** skipped: retired before this review */
  status: 'upcoming' | 'due' | 'done' | 'skipped';
}

export interface ScopeEntryDto {
  /** The HERO’s self-screening points at this dimension */
  attention: boolean;
  dimension: string;
  rated: boolean;
}

export interface ScoreRangeDto {
  /**
   * @min 1
   * @max 25
   */
  max: number;
  /**
   * @min 1
   * @max 25
   */
  min: number;
}

export interface SelfScreeningDto {
  /** Is the budget above the fast-track threshold? */
  budgetAboveFastTrack: boolean;
  /** Does it use connected devices? */
  connectedDevices: boolean;
  /** Does it integrate with core systems? */
  integratesCoreSystems: boolean;
  /** Does it bring in a new external vendor? */
  newExternalVendor: boolean;
  /** Does it take or handle payments? */
  payments: boolean;
  /** Does it use personal or sensitive data of customers? */
  personalOrSensitiveData: boolean;
  /** Does it speak publicly in the company’s name? */
  speaksPublicly: boolean;
}

export interface SelfScreeningResultDto {
  /** The answers, by question key */
  answers: Record<string, boolean>;
  /** No "yes" answer: light assessment, shorter time limits, no CIO co-sign */
  fastTrack: boolean;
  /** Why the advisor took it off the fast track */
  fastTrackRemovedReason: string | null;
  indicativeTier: 'low' | 'medium' | 'high';
}

export interface SlaBreachedDataDto {
  dueAt: string;
  /** User ids notified (the CIO, or the next manager up for a decision) */
  escalatedTo: string[];
  project: WebhookProjectDto;
  stage: 'assignment' | 'assessment' | 'decision' | 'cosign';
  stateEnteredAt: string;
  /** @example 2 */
  targetBusinessDays: number;
}

export interface SlaReportDto {
  byOrgUnit: SlaStageDto[];
  /** @format date-time */
  generatedAt: string;
  stages: SlaStageDto[];
  total: number;
}

export interface SlaStageDto {
  /** Breaches detected in the date range */
  breaches: number;
  /**
   * null in the overall rows
   * @format uuid
   */
  orgUnitId: string | null;
  orgUnitName: string | null;
  stage: 'assignment' | 'assessment' | 'decision' | 'cosign';
  /** Of those, projects still waiting in that stage now */
  stillOpen: number;
}

export interface SsoCallbackParams {
  /** Authorization code */
  code?: any;
  /** Set by the provider when it did not authorize the sign-in */
  error?: any;
  error_description?: any;
  /** Issuer of the authorization response (RFC 9207) */
  iss?: any;
  /** The state sent to the provider */
  state: any;
}

export interface StageTimeDto {
  p90Hours: number;
  /** Transitions out of the stage in the date range */
  count: number;
  medianHours: number;
  /**
   * null in the overall rows
   * @format uuid
   */
  orgUnitId: string | null;
  orgUnitName: string | null;
  /** Lifecycle state the project waited in */
  stage: string;
}

export interface SupportDto {
  createdAt: string;
  /** @format uuid */
  id: string;
  note: string | null;
  /** @format uuid */
  projectId: string;
  supporter: SupporterDto;
  updatedAt: string;
}

export interface SupportInputDto {
  /**
   * Why, e.g. "My customers in Lyon ask for this every week"
   * @maxLength 1000
   */
  note?: string;
}

export interface SupportPageDto {
  items: SupportDto[];
  nextCursor: string | null;
}

export interface SupportedProjectDto {
  /** @format uuid */
  projectId: string;
  reference: string;
  state: string;
  /** Colleagues who support it ("my customers need this") */
  supportCount: number;
  title: string;
}

export interface SupporterDto {
  displayName: string;
  /** @format uuid */
  id: string;
  /** The supporter’s org unit */
  orgUnitName: string | null;
}

export interface SupportsListParams {
  /** Opaque cursor from the previous page (nextCursor) */
  cursor?: string;
  id: string;
  /**
   * @min 1
   * @max 100
   * @default 20
   */
  limit?: number;
}

export interface SupportsSupportParams {
  id: string;
}

export interface SupportsWithdrawParams {
  id: string;
}

export interface ThresholdsDto {
  critical: ScoreRangeDto;
  high: ScoreRangeDto;
  low: ScoreRangeDto;
  medium: ScoreRangeDto;
}

export interface TokenPairDto {
  accessToken: string;
  /**
   * Access token lifetime in seconds
   * @example 900
   */
  expiresIn: number;
  /** Opaque; rotated on every refresh */
  refreshToken: string;
  /** @example "Bearer" */
  tokenType: string;
  user: MeDto;
}

export interface UnitCountDto {
  /** Projects in this unit and every unit below it */
  count: number;
  name: string;
  /** @format uuid */
  orgUnitId: string;
}

export interface UnitRefDto {
  /** @format uuid */
  id: string;
  name: string;
}

export interface UnreadCountDto {
  /** @example 3 */
  count: number;
}

export interface UpdateAssessmentDto {
  /**
   * Replaces all mitigations
   * @maxItems 50
   */
  mitigations?: MitigationInputDto[];
  /**
   * Replaces all proposed conditions
   * @maxItems 30
   */
  proposedConditions?: ProposedConditionInputDto[];
  /**
   * Replaces all ratings
   * @maxItems 20
   */
  ratings?: RatingInputDto[];
  recommendation?: 'proceed' | 'proceed_with_conditions' | 'do_not_proceed';
  /**
   * The advice in a few sentences, for the manager
   * @maxLength 5000
   */
  summary?: string;
}

export interface UpdateCompactVersionDto {
  commitments?: CommitmentsDto;
  /**
   * @minLength 1
   * @maxLength 5000
   */
  intro?: string;
  /**
   * @minLength 1
   * @maxLength 200
   */
  title?: string;
}

export interface UpdateConditionDto {
  /**
   * Required with status met: how it was met (link, ticket, document)
   * @minLength 3
   * @maxLength 5000
   */
  evidenceNote?: string;
  /**
   * Required with status waived: why the condition no longer applies
   * @minLength 3
   * @maxLength 5000
   */
  reason?: string;
  /** met: by the owner, with evidence; waived: by the deciding manager, with a reason */
  status: 'met' | 'waived';
}

export interface UpdateMeDto {
  /**
   * The name colleagues see (single sign-on may set it again at the next sign-in)
   * @minLength 1
   * @maxLength 200
   */
  displayName?: string;
  /** Language of messages, notifications and problem texts. null: no preference, follow Accept-Language (docs/i18n.md). */
  locale?: 'en' | 'fr' | null;
}

export interface UpdateOrgUnitDto {
  kind?: 'company' | 'division' | 'department' | 'team';
  /**
   * @minLength 1
   * @maxLength 200
   */
  name?: string;
  /**
   * Move under this unit
   * @format uuid
   */
  parentId?: string;
}

export interface UpdateProjectDto {
  budget?: MoneyDto;
  /**
   * The customer problem, in the customer’s words
   * @maxLength 4000
   */
  customerProblem?: string;
  /**
   * The top task customers are trying to do that this improves
   * @maxLength 1000
   */
  customerTask?: string;
  /** @uniqueItems true */
  dataCategories?: ('none' | 'personal' | 'sensitive' | 'payment' | 'health' | 'children' | 'location')[];
  effortValue?: EffortValueInputDto;
  /** @maxItems 20 */
  kpis?: KpiInputDto[];
  /**
   * Default: the proposer’s unit; must be within it
   * @format uuid
   */
  orgUnitId?: string;
  /** @maxLength 4000 */
  solution?: string;
  /** @maxLength 2000 */
  summary?: string;
  /** @maxItems 20 */
  tags?: string[];
  /** @maxLength 1000 */
  targetCustomers?: string;
  /**
   * ISO date
   * @example "2027-03-01"
   */
  targetLaunchDate?: string;
  /**
   * Colleagues working on it
   * @maxItems 30
   * @uniqueItems true
   */
  teamMemberIds?: string[];
  /** @uniqueItems true */
  technologies?: ('mobile' | 'social' | 'video' | 'cloud' | 'iot' | 'ai' | 'web' | 'other')[];
  /**
   * @minLength 1
   * @maxLength 200
   * @example "Delivery-status chatbot"
   */
  title?: string;
  /** @maxItems 20 */
  vendors?: VendorInputDto[];
}

export interface UpdateUserDto {
  approvalLimit?: MoneyDto | null;
  /**
   * @minLength 1
   * @maxLength 200
   */
  displayName?: string;
  /** Language of messages, notifications and problem texts. null: no preference, follow Accept-Language (docs/i18n.md). */
  locale?: 'en' | 'fr' | null;
  /** @format uuid */
  orgUnitId?: string;
  password?: string;
  /** @uniqueItems true */
  roles?: ('hero' | 'it_advisor' | 'cio' | 'manager' | 'admin')[];
  status?: 'active' | 'disabled';
}

export interface UpdateWebhookDto {
  /** @maxLength 500 */
  description?: string;
  /** true re-enables a disabled subscription and resets its failure count */
  enabled?: boolean;
  /**
   * @minItems 1
   * @uniqueItems true
   */
  eventTypes?: (
    | '*'
    | 'project.submitted'
    | 'project.resubmitted'
    | 'project.assigned'
    | 'project.info_requested'
    | 'project.info_provided'
    | 'assessment.submitted'
    | 'project.decided'
    | 'project.cosigned'
    | 'condition.updated'
    | 'project.withdrawn'
    | 'project.amended'
    | 'project.delivery_started'
    | 'project.launched'
    | 'project.retired'
    | 'kpi.off_track'
    | 'sla.breached'
    | 'compact.published'
  )[];
  /** Generate a new secret (returned once in this response) */
  rotateSecret?: boolean;
  /**
   * Replace the secret with this whsec_ value
   * @maxLength 200
   */
  secret?: string;
  /** @maxLength 2048 */
  url?: string;
}

export interface UploaderDto {
  /** @format uuid */
  id: string;
  name: string;
  type: 'user' | 'api_key';
}

export interface UserDto {
  /** Managers: the largest budget they may approve */
  approvalLimit?: MoneyDto | null;
  createdAt: string;
  displayName: string;
  email: string;
  /** @format uuid */
  id: string;
  /** Language of messages, notifications and problem texts. null: no preference, follow Accept-Language (docs/i18n.md). */
  locale: 'en' | 'fr' | null;
  /** @format uuid */
  orgUnitId: string;
  /** Always includes hero */
  roles: ('hero' | 'it_advisor' | 'cio' | 'manager' | 'admin')[];
  status: 'active' | 'disabled';
  updatedAt: string;
  version: number;
}

export interface UserPageDto {
  items: UserDto[];
  nextCursor: string | null;
}

export interface UsersGetParams {
  id: string;
}

export interface UsersListParams {
  /** Opaque cursor from the previous page (nextCursor) */
  cursor?: string;
  /**
   * @min 1
   * @max 100
   * @default 20
   */
  limit?: number;
  /** @format uuid */
  orgUnitId?: string;
  /**
   * Matches email or display name
   * @maxLength 100
   */
  q?: string;
  role?: 'hero' | 'it_advisor' | 'cio' | 'manager' | 'admin';
  status?: 'active' | 'disabled';
}

export interface UsersUpdateParams {
  id: string;
}

export interface VendorDto {
  dataShared: string;
  /** @format uuid */
  id: string;
  name: string;
  service: string;
}

export interface VendorInputDto {
  /**
   * @maxLength 1000
   * @example "Customer first name and order number"
   */
  dataShared?: string;
  /**
   * @minLength 1
   * @maxLength 200
   * @example "Acme Chat"
   */
  name: string;
  /**
   * @minLength 1
   * @maxLength 500
   * @example "Hosted chatbot"
   */
  service: string;
}

export interface VendorScopeDto {
  dataShared: string;
  name: string;
  service: string;
}

export interface WebhookActorDto {
  /** @format uuid */
  id: string | null;
  name: string;
  type: 'user' | 'api_key' | 'system';
}

export interface WebhookDeliveryDto {
  /** The latest attempts, newest first (at most 20) */
  attemptLog: DeliveryAttemptDto[];
  attempts: number;
  createdAt: string;
  /**
   * The event id, sent as webhook-id
   * @format uuid
   */
  eventId: string;
  /** @example "project.submitted" */
  eventType: string;
  /** @format uuid */
  id: string;
  lastAttemptAt: string | null;
  lastDurationMs: number | null;
  lastError: string | null;
  lastResponseStatus: number | null;
  nextAttemptAt: string | null;
  status: 'pending' | 'succeeded' | 'failed';
}

export interface WebhookDeliveryPageDto {
  items: WebhookDeliveryDto[];
  nextCursor: string | null;
}

export interface WebhookDto {
  /** Failed attempts in a row; at WEBHOOK_MAX_CONSECUTIVE_FAILURES the subscription is disabled */
  consecutiveFailures: number;
  createdAt: string;
  description: string;
  disabledAt: string | null;
  /** Why it was disabled (e.g. "50 consecutive failed deliveries") */
  disabledReason: string | null;
  enabled: boolean;
  eventTypes: (
    | '*'
    | 'project.submitted'
    | 'project.resubmitted'
    | 'project.assigned'
    | 'project.info_requested'
    | 'project.info_provided'
    | 'assessment.submitted'
    | 'project.decided'
    | 'project.cosigned'
    | 'condition.updated'
    | 'project.withdrawn'
    | 'project.amended'
    | 'project.delivery_started'
    | 'project.launched'
    | 'project.retired'
    | 'kpi.off_track'
    | 'sla.breached'
    | 'compact.published'
  )[];
  /** @format uuid */
  id: string;
  /**
   * Only events of projects in this org unit subtree (unit-bound API keys)
   * @format uuid
   */
  orgUnitScope: string | null;
  owner: WebhookOwnerDto;
  /** The signing secret: only in the response that created or rotated it */
  secret?: string;
  updatedAt: string;
  url: string;
  version: number;
}

export interface WebhookEventDto {
  actor: WebhookActorDto;
  /** ProjectEventData, SlaBreachedData or CompactPublishedData, by type (docs/webhooks.md) */
  data: Record<string, any>;
  /**
   * Event id, identical for every attempt: de-duplicate on it
   * @format uuid
   */
  id: string;
  /** When the event happened (ISO 8601) */
  timestamp: string;
  type:
    | 'project.submitted'
    | 'project.resubmitted'
    | 'project.assigned'
    | 'project.info_requested'
    | 'project.info_provided'
    | 'assessment.submitted'
    | 'project.decided'
    | 'project.cosigned'
    | 'condition.updated'
    | 'project.withdrawn'
    | 'project.amended'
    | 'project.delivery_started'
    | 'project.launched'
    | 'project.retired'
    | 'kpi.off_track'
    | 'sla.breached'
    | 'compact.published';
  /**
   * Version of the data shape for this type
   * @example 1
   */
  version: number;
}

export interface WebhookOwnerDto {
  /** @format uuid */
  id: string;
  type: 'user' | 'api_key';
}

export interface WebhookPageDto {
  items: WebhookDto[];
  nextCursor: string | null;
}

export interface WebhookProjectDto {
  /** @format uuid */
  assignedAdvisorId: string | null;
  fastTrack: boolean;
  /** @format uuid */
  id: string;
  /** @format uuid */
  orgUnitId: string;
  /** @format uuid */
  proposerId: string;
  /** @example "HC-2026-0042" */
  reference: string;
  riskLevel: 'low' | 'medium' | 'high' | 'critical' | null;
  /**
   * State after the event
   * @example "submitted"
   */
  state: string;
  title: string;
}

export interface WebhooksGetParams {
  id: string;
}

export interface WebhooksListDeliveriesParams {
  /** Opaque cursor from the previous page (nextCursor) */
  cursor?: string;
  id: string;
  /**
   * @min 1
   * @max 100
   * @default 20
   */
  limit?: number;
  status?: 'pending' | 'succeeded' | 'failed';
}

export interface WebhooksListParams {
  /** Opaque cursor from the previous page (nextCursor) */
  cursor?: string;
  /**
   * @min 1
   * @max 100
   * @default 20
   */
  limit?: number;
}

export interface WebhooksRedeliverParams {
  deliveryId: string;
  id: string;
}

export interface WebhooksRemoveParams {
  id: string;
}

export interface WebhooksUpdateParams {
  id: string;
}

export type QueryParamsType = Record<string | number, any>;
export type ResponseFormat = keyof Omit<Body, 'body' | 'bodyUsed'>;

export interface FullRequestParams extends Omit<RequestInit, 'body'> {
  /** set parameter to `true` for call `securityWorker` for this request */
  secure?: boolean;
  /** request path */
  path: string;
  /** content type of request body */
  type?: ContentType;
  /** query params */
  query?: QueryParamsType;
  /** format of response (i.e. response.json() -> format: "json") */
  format?: ResponseFormat;
  /** request body */
  body?: unknown;
  /** base url */
  baseUrl?: string;
  /** request cancellation token */
  cancelToken?: CancelToken;
}

export type RequestParams = Omit<FullRequestParams, 'body' | 'method' | 'query' | 'path'>;

export interface ApiConfig<SecurityDataType = unknown> {
  baseUrl?: string;
  baseApiParams?: Omit<RequestParams, 'baseUrl' | 'cancelToken' | 'signal'>;
  securityWorker?: (securityData: SecurityDataType | null) => Promise<RequestParams | void> | RequestParams | void;
  customFetch?: typeof fetch;
}

export interface HttpResponse<D extends unknown, E extends unknown = unknown> extends Response {
  data: D;
  error: E;
}

type CancelToken = Symbol | string | number;

export type ContentType =
  'application/json' | 'application/vnd.api+json' | 'multipart/form-data' | 'application/x-www-form-urlencoded' | 'text/plain';

export class HttpClient<SecurityDataType = unknown> {
  public baseUrl: string = '/';
  private securityData: SecurityDataType | null = null;
  private securityWorker?: ApiConfig<SecurityDataType>['securityWorker'];
  private abortControllers = new Map<CancelToken, AbortController>();
  private customFetch = (...fetchParams: Parameters<typeof fetch>) => fetch(...fetchParams);

  private baseApiParams: RequestParams = {
    credentials: 'same-origin',
    headers: {},
    redirect: 'follow',
    referrerPolicy: 'no-referrer',
  };

  constructor(apiConfig: ApiConfig<SecurityDataType> = {}) {
    Object.assign(this, apiConfig);
  }

  public setSecurityData = (data: SecurityDataType | null) => {
    this.securityData = data;
  };

  protected encodeQueryParam(key: string, value: any) {
    const encodedKey = encodeURIComponent(key);
    return `${encodedKey}=${encodeURIComponent(typeof value === 'number' ? value : `${value}`)}`;
  }

  protected addQueryParam(query: QueryParamsType, key: string) {
    return this.encodeQueryParam(key, query[key]);
  }

  protected addArrayQueryParam(query: QueryParamsType, key: string) {
    const value = query[key];
    return value.map((v: any) => this.encodeQueryParam(key, v)).join('&');
  }

  protected toQueryString(rawQuery?: QueryParamsType): string {
    const query = rawQuery || {};
    const keys = Object.keys(query).filter((key) => 'undefined' !== typeof query[key]);
    return keys.map((key) => (Array.isArray(query[key]) ? this.addArrayQueryParam(query, key) : this.addQueryParam(query, key))).join('&');
  }

  protected addQueryParams(rawQuery?: QueryParamsType): string {
    const queryString = this.toQueryString(rawQuery);
    return queryString ? `?${queryString}` : '';
  }

  private contentFormatters: Record<ContentType, (input: any) => any> = {
    ['application/json']: (input: any) =>
      input !== null && (typeof input === 'object' || typeof input === 'string') ? JSON.stringify(input) : input,
    ['application/vnd.api+json']: (input: any) =>
      input !== null && (typeof input === 'object' || typeof input === 'string') ? JSON.stringify(input) : input,
    ['text/plain']: (input: any) => (input !== null && typeof input !== 'string' ? JSON.stringify(input) : input),
    ['multipart/form-data']: (input: any) => {
      if (input instanceof FormData) {
        return input;
      }

      return Object.keys(input || {}).reduce((formData, key) => {
        const property = input[key];
        formData.append(
          key,
          property instanceof Blob
            ? property
            : typeof property === 'object' && property !== null
              ? JSON.stringify(property)
              : `${property}`,
        );
        return formData;
      }, new FormData());
    },
    ['application/x-www-form-urlencoded']: (input: any) => this.toQueryString(input),
  };

  protected mergeRequestParams(params1: RequestParams, params2?: RequestParams): RequestParams {
    return {
      ...this.baseApiParams,
      ...params1,
      ...(params2 || {}),
      headers: {
        ...(this.baseApiParams.headers || {}),
        ...(params1.headers || {}),
        ...((params2 && params2.headers) || {}),
      },
    };
  }

  protected createAbortSignal = (cancelToken: CancelToken): AbortSignal | undefined => {
    if (this.abortControllers.has(cancelToken)) {
      const abortController = this.abortControllers.get(cancelToken);
      if (abortController) {
        return abortController.signal;
      }
      return void 0;
    }

    const abortController = new AbortController();
    this.abortControllers.set(cancelToken, abortController);
    return abortController.signal;
  };

  public abortRequest = (cancelToken: CancelToken) => {
    const abortController = this.abortControllers.get(cancelToken);

    if (abortController) {
      abortController.abort();
      this.abortControllers.delete(cancelToken);
    }
  };

  public request = async <T = any, E = any>({
    body,
    secure,
    path,
    type,
    query,
    format,
    baseUrl,
    cancelToken,
    ...params
  }: FullRequestParams): Promise<T> => {
    const secureParams =
      ((typeof secure === 'boolean' ? secure : this.baseApiParams.secure) &&
        this.securityWorker &&
        (await this.securityWorker(this.securityData))) ||
      {};
    const requestParams = this.mergeRequestParams(params, secureParams);
    const queryString = query && this.toQueryString(query);
    const payloadFormatter = this.contentFormatters[type || 'application/json'];
    const responseFormat = format || requestParams.format;

    return this.customFetch(`${baseUrl || this.baseUrl || ''}${path}${queryString ? `?${queryString}` : ''}`, {
      ...requestParams,
      headers: {
        ...(requestParams.headers || {}),
        ...(type && type !== 'multipart/form-data' ? { 'Content-Type': type } : {}),
      },
      signal: (cancelToken ? this.createAbortSignal(cancelToken) : requestParams.signal) || null,
      body: typeof body === 'undefined' || body === null ? null : payloadFormatter(body),
    }).then(async (response) => {
      const r = response as HttpResponse<T, E>;
      r.data = null as unknown as T;
      r.error = null as unknown as E;

      const responseToParse = responseFormat ? response.clone() : response;
      const data = !responseFormat
        ? r
        : await responseToParse[responseFormat]()
            .then((data) => {
              if (r.ok) {
                r.data = data;
              } else {
                r.error = data;
              }
              return r;
            })
            .catch((e) => {
              r.error = e;
              return r;
            });

      if (cancelToken) {
        this.abortControllers.delete(cancelToken);
      }

      if (!response.ok) throw data;
      return data.data;
    });
  };
}

/**
 * @title HERO Compact API
 * @version 1
 * @license Proprietary (https://hero-compact.dev/license)
 * @baseUrl /
 * @contact
 *
 * Governance of customer-facing tech projects proposed by employees outside IT (HEROes): IT advises on risk, managers decide, integrations use scoped API keys. Errors are RFC 9457 problem+json.
 */
export class Api<SecurityDataType extends unknown> extends HttpClient<SecurityDataType> {
  operations = {
    /**
     * No description
     *
     * @tags operations
     * @name ObservabilityLive
     * @summary Liveness: the process is up (no dependency checks)
     * @request GET:/health/live
     */
    observabilityLive: (params: RequestParams = {}) =>
      this.request<
        {
          /** @example "ok" */
          status?: string;
        },
        any
      >({
        path: `/health/live`,
        method: 'GET',
        format: 'json',
        ...params,
      }),

    /**
     * No description
     *
     * @tags operations
     * @name ObservabilityReady
     * @summary Readiness: the database answers
     * @request GET:/health/ready
     */
    observabilityReady: (params: RequestParams = {}) =>
      this.request<
        {
          /** @example {"database":{"status":"up","responseTime":12}} */
          details?: Record<
            string,
            {
              /** Time the health indicator took to respond, in ms */
              responseTime?: number;
              status: 'up' | 'degraded' | 'down';
              [key: string]: any;
            }
          >;
          /** @example {} */
          error?: Record<
            string,
            {
              /** Time the health indicator took to respond, in ms */
              responseTime?: number;
              status: 'up' | 'degraded' | 'down';
              [key: string]: any;
            }
          > | null;
          /** @example {"database":{"status":"up","responseTime":12}} */
          info?: Record<
            string,
            {
              /** Time the health indicator took to respond, in ms */
              responseTime?: number;
              status: 'up' | 'degraded' | 'down';
              [key: string]: any;
            }
          > | null;
          /** @example "ok" */
          status?: 'ok' | 'degraded';
        },
        {
          /** @example {"database":{"status":"up","responseTime":12},"redis":{"status":"down","message":"Could not connect","responseTime":3005}} */
          details?: Record<
            string,
            {
              /** Time the health indicator took to respond, in ms */
              responseTime?: number;
              status: 'up' | 'degraded' | 'down';
              [key: string]: any;
            }
          >;
          /** @example {"redis":{"status":"down","message":"Could not connect","responseTime":3005}} */
          error?: Record<
            string,
            {
              /** Time the health indicator took to respond, in ms */
              responseTime?: number;
              status: 'up' | 'degraded' | 'down';
              [key: string]: any;
            }
          > | null;
          /** @example {"database":{"status":"up","responseTime":12}} */
          info?: Record<
            string,
            {
              /** Time the health indicator took to respond, in ms */
              responseTime?: number;
              status: 'up' | 'degraded' | 'down';
              [key: string]: any;
            }
          > | null;
          /** @example "error" */
          status?: 'error' | 'shutting_down';
        }
      >({
        path: `/health/ready`,
        method: 'GET',
        format: 'json',
        ...params,
      }),

    /**
     * No description
     *
     * @tags operations
     * @name ObservabilityPrometheus
     * @summary Prometheus metrics: request durations by route and status, database pool
     * @request GET:/metrics
     */
    observabilityPrometheus: (params: RequestParams = {}) =>
      this.request<string, any>({
        path: `/metrics`,
        method: 'GET',
        ...params,
      }),
  };
  auth = {
    /**
     * @description Rate-limited per IP and per account (429 with Retry-After). 403 local-login-disabled when LOCAL_PASSWORDS_ENABLED=false.
     *
     * @tags auth
     * @name AuthLogin
     * @summary Sign in with email and password
     * @request POST:/api/v1/auth/login
     */
    authLogin: (data: LoginDto, params: RequestParams = {}) =>
      this.request<TokenPairDto, ProblemDto>({
        path: `/api/v1/auth/login`,
        method: 'POST',
        body: data,
        type: 'application/json',
        format: 'json',
        ...params,
      }),

    /**
     * No description
     *
     * @tags auth
     * @name AuthRefresh
     * @summary Exchange a refresh token for a new pair (the old one is spent; reusing it revokes the family)
     * @request POST:/api/v1/auth/refresh
     */
    authRefresh: (data: RefreshDto, params: RequestParams = {}) =>
      this.request<TokenPairDto, ProblemDto>({
        path: `/api/v1/auth/refresh`,
        method: 'POST',
        body: data,
        type: 'application/json',
        format: 'json',
        ...params,
      }),

    /**
     * No description
     *
     * @tags auth
     * @name AuthLogout
     * @summary Revoke the refresh token and its family (access tokens expire on their own)
     * @request POST:/api/v1/auth/logout
     */
    authLogout: (data: RefreshDto, params: RequestParams = {}) =>
      this.request<void, ProblemDto>({
        path: `/api/v1/auth/logout`,
        method: 'POST',
        body: data,
        type: 'application/json',
        ...params,
      }),

    /**
     * No description
     *
     * @tags auth
     * @name AuthMe
     * @summary The signed-in user with roles, unit and permissions, with an ETag for If-Match
     * @request GET:/api/v1/me
     * @secure
     */
    authMe: (params: RequestParams = {}) =>
      this.request<MeDto, ProblemDto>({
        path: `/api/v1/me`,
        method: 'GET',
        secure: true,
        format: 'json',
        ...params,
      }),

    /**
     * @description locale: en or fr, or null to follow the browser (Accept-Language); see docs/i18n.md. Everything else is the admin’s.
     *
     * @tags auth
     * @name AuthUpdateMe
     * @summary Change my language or display name. Requires If-Match.
     * @request PATCH:/api/v1/me
     * @secure
     */
    authUpdateMe: (data: UpdateMeDto, params: RequestParams = {}) =>
      this.request<MeDto, ProblemDto>({
        path: `/api/v1/me`,
        method: 'PATCH',
        body: data,
        secure: true,
        type: 'application/json',
        format: 'json',
        ...params,
      }),

    /**
     * @description Authorization code flow with PKCE (S256), state and nonce. Sets an HttpOnly cookie binding the sign-in to this browser; the sign-in must be completed at the callback within 10 minutes. 404 sso-not-configured without OIDC_ISSUER.
     *
     * @tags auth
     * @name SsoLogin
     * @summary Start single sign-on: redirect to the OpenID provider
     * @request GET:/api/v1/auth/sso/login
     */
    ssoLogin: (params: RequestParams = {}) =>
      this.request<any, void | ProblemDto>({
        path: `/api/v1/auth/sso/login`,
        method: 'GET',
        ...params,
      }),

    /**
     * @description Redeems the code, validates the ID token, creates or updates the user from its claims and answers with a token pair, as POST /auth/login does. Each sign-in is accepted once, from the browser that started it.
     *
     * @tags auth
     * @name SsoCallback
     * @summary Finish single sign-on: the OpenID provider redirects here (OIDC_REDIRECT_URI)
     * @request GET:/api/v1/auth/sso/callback
     */
    ssoCallback: (query: SsoCallbackParams, params: RequestParams = {}) =>
      this.request<TokenPairDto, ProblemDto>({
        path: `/api/v1/auth/sso/callback`,
        method: 'GET',
        query: query,
        format: 'json',
        ...params,
      }),
  };
  people = {
    /**
     * No description
     *
     * @tags people
     * @name UsersList
     * @summary Employee directory (filters: q, orgUnitId, role, status)
     * @request GET:/api/v1/users
     * @secure
     */
    usersList: (query: UsersListParams = {}, params: RequestParams = {}) =>
      this.request<UserPageDto, ProblemDto>({
        path: `/api/v1/users`,
        method: 'GET',
        query: query,
        secure: true,
        format: 'json',
        ...params,
      }),

    /**
     * No description
     *
     * @tags people
     * @name UsersCreate
     * @summary Create a user (admin)
     * @request POST:/api/v1/users
     * @secure
     */
    usersCreate: (data: CreateUserDto, params: RequestParams = {}) =>
      this.request<UserDto, ProblemDto>({
        path: `/api/v1/users`,
        method: 'POST',
        body: data,
        secure: true,
        type: 'application/json',
        format: 'json',
        ...params,
      }),

    /**
     * No description
     *
     * @tags people
     * @name UsersGet
     * @summary One user of the directory, with an ETag for If-Match
     * @request GET:/api/v1/users/{id}
     * @secure
     */
    usersGet: ({ id }: UsersGetParams, params: RequestParams = {}) =>
      this.request<UserDto, ProblemDto>({
        path: `/api/v1/users/${id}`,
        method: 'GET',
        secure: true,
        format: 'json',
        ...params,
      }),

    /**
     * No description
     *
     * @tags people
     * @name UsersUpdate
     * @summary Update a user: roles, unit, approval limit, status (admin). Requires If-Match.
     * @request PATCH:/api/v1/users/{id}
     * @secure
     */
    usersUpdate: ({ id }: UsersUpdateParams, data: UpdateUserDto, params: RequestParams = {}) =>
      this.request<UserDto, ProblemDto>({
        path: `/api/v1/users/${id}`,
        method: 'PATCH',
        body: data,
        secure: true,
        type: 'application/json',
        format: 'json',
        ...params,
      }),

    /**
     * No description
     *
     * @tags people
     * @name OrgUnitsList
     * @summary The org tree, depth-first (ordered by path)
     * @request GET:/api/v1/org-units
     * @secure
     */
    orgUnitsList: (query: OrgUnitsListParams = {}, params: RequestParams = {}) =>
      this.request<OrgUnitPageDto, ProblemDto>({
        path: `/api/v1/org-units`,
        method: 'GET',
        query: query,
        secure: true,
        format: 'json',
        ...params,
      }),

    /**
     * No description
     *
     * @tags people
     * @name OrgUnitsCreate
     * @summary Create an org unit under a parent (admin)
     * @request POST:/api/v1/org-units
     * @secure
     */
    orgUnitsCreate: (data: CreateOrgUnitDto, params: RequestParams = {}) =>
      this.request<OrgUnitDto, ProblemDto>({
        path: `/api/v1/org-units`,
        method: 'POST',
        body: data,
        secure: true,
        type: 'application/json',
        format: 'json',
        ...params,
      }),

    /**
     * No description
     *
     * @tags people
     * @name OrgUnitsGet
     * @summary One org unit, with an ETag for If-Match
     * @request GET:/api/v1/org-units/{id}
     * @secure
     */
    orgUnitsGet: ({ id }: OrgUnitsGetParams, params: RequestParams = {}) =>
      this.request<OrgUnitDto, ProblemDto>({
        path: `/api/v1/org-units/${id}`,
        method: 'GET',
        secure: true,
        format: 'json',
        ...params,
      }),

    /**
     * No description
     *
     * @tags people
     * @name OrgUnitsUpdate
     * @summary Rename or move an org unit (admin). A move under its own subtree is 409. Requires If-Match.
     * @request PATCH:/api/v1/org-units/{id}
     * @secure
     */
    orgUnitsUpdate: ({ id }: OrgUnitsUpdateParams, data: UpdateOrgUnitDto, params: RequestParams = {}) =>
      this.request<OrgUnitDto, ProblemDto>({
        path: `/api/v1/org-units/${id}`,
        method: 'PATCH',
        body: data,
        secure: true,
        type: 'application/json',
        format: 'json',
        ...params,
      }),

    /**
     * No description
     *
     * @tags people
     * @name ApiKeysList
     * @summary API keys (admin); secrets are never shown again
     * @request GET:/api/v1/api-keys
     * @secure
     */
    apiKeysList: (query: ApiKeysListParams = {}, params: RequestParams = {}) =>
      this.request<ApiKeyPageDto, ProblemDto>({
        path: `/api/v1/api-keys`,
        method: 'GET',
        query: query,
        secure: true,
        format: 'json',
        ...params,
      }),

    /**
     * No description
     *
     * @tags people
     * @name ApiKeysCreate
     * @summary Create an API key with scopes and an expiry (admin). The key is in this response only.
     * @request POST:/api/v1/api-keys
     * @secure
     */
    apiKeysCreate: (data: CreateApiKeyDto, params: RequestParams = {}) =>
      this.request<CreatedApiKeyDto, ProblemDto>({
        path: `/api/v1/api-keys`,
        method: 'POST',
        body: data,
        secure: true,
        type: 'application/json',
        format: 'json',
        ...params,
      }),

    /**
     * No description
     *
     * @tags people
     * @name ApiKeysRevoke
     * @summary Revoke an API key (effective on the next call)
     * @request DELETE:/api/v1/api-keys/{id}
     * @secure
     */
    apiKeysRevoke: ({ id }: ApiKeysRevokeParams, params: RequestParams = {}) =>
      this.request<void, ProblemDto>({
        path: `/api/v1/api-keys/${id}`,
        method: 'DELETE',
        secure: true,
        ...params,
      }),
  };
  audit = {
    /**
     * No description
     *
     * @tags audit
     * @name AuditList
     * @summary The whole audit trail, newest first, with filters (CIO, admin, `audit:read` keys)
     * @request GET:/api/v1/audit-events
     * @secure
     */
    auditList: (query: AuditListParams = {}, params: RequestParams = {}) =>
      this.request<AuditEventPageDto, ProblemDto>({
        path: `/api/v1/audit-events`,
        method: 'GET',
        query: query,
        secure: true,
        format: 'json',
        ...params,
      }),

    /**
     * No description
     *
     * @tags audit
     * @name AuditVerify
     * @summary Recompute the hash chain and name the first broken link, if any
     * @request GET:/api/v1/audit-events/verify
     * @secure
     */
    auditVerify: (params: RequestParams = {}) =>
      this.request<AuditVerificationDto, ProblemDto>({
        path: `/api/v1/audit-events/verify`,
        method: 'GET',
        secure: true,
        format: 'json',
        ...params,
      }),
  };
  compact = {
    /**
     * No description
     *
     * @tags compact
     * @name CompactCurrent
     * @summary The current published compact, and whether the caller still has to acknowledge it
     * @request GET:/api/v1/compact/current
     * @secure
     */
    compactCurrent: (params: RequestParams = {}) =>
      this.request<CurrentCompactDto, ProblemDto>({
        path: `/api/v1/compact/current`,
        method: 'GET',
        secure: true,
        format: 'json',
        ...params,
      }),

    /**
     * No description
     *
     * @tags compact
     * @name CompactVersions
     * @summary Compact versions, newest first (drafts only for the CIO)
     * @request GET:/api/v1/compact/versions
     * @secure
     */
    compactVersions: (query: CompactVersionsParams = {}, params: RequestParams = {}) =>
      this.request<CompactVersionPageDto, ProblemDto>({
        path: `/api/v1/compact/versions`,
        method: 'GET',
        query: query,
        secure: true,
        format: 'json',
        ...params,
      }),

    /**
     * No description
     *
     * @tags compact
     * @name CompactDraft
     * @summary Draft a new compact version (CIO)
     * @request POST:/api/v1/compact/versions
     * @secure
     */
    compactDraft: (data: CreateCompactVersionDto, params: RequestParams = {}) =>
      this.request<CompactVersionDto, ProblemDto>({
        path: `/api/v1/compact/versions`,
        method: 'POST',
        body: data,
        secure: true,
        type: 'application/json',
        format: 'json',
        ...params,
      }),

    /**
     * No description
     *
     * @tags compact
     * @name CompactEdit
     * @summary Edit a draft (CIO). Published versions are immutable (409). Requires If-Match.
     * @request PATCH:/api/v1/compact/versions/{id}
     * @secure
     */
    compactEdit: ({ id }: CompactEditParams, data: UpdateCompactVersionDto, params: RequestParams = {}) =>
      this.request<CompactVersionDto, ProblemDto>({
        path: `/api/v1/compact/versions/${id}`,
        method: 'PATCH',
        body: data,
        secure: true,
        type: 'application/json',
        format: 'json',
        ...params,
      }),

    /**
     * No description
     *
     * @tags compact
     * @name CompactPublish
     * @summary Publish a draft (CIO): it becomes the current version, everyone must acknowledge it again
     * @request POST:/api/v1/compact/versions/{id}/publish
     * @secure
     */
    compactPublish: ({ id }: CompactPublishParams, params: RequestParams = {}) =>
      this.request<CompactVersionDto, ProblemDto>({
        path: `/api/v1/compact/versions/${id}/publish`,
        method: 'POST',
        secure: true,
        format: 'json',
        ...params,
      }),

    /**
     * No description
     *
     * @tags compact
     * @name CompactAcknowledge
     * @summary Acknowledge the current version for every group your roles put you in (201 new, 200 already done)
     * @request POST:/api/v1/compact/acknowledgements
     * @secure
     */
    compactAcknowledge: (data: AcknowledgeDto, params: RequestParams = {}) =>
      this.request<AcknowledgementDto[], ProblemDto>({
        path: `/api/v1/compact/acknowledgements`,
        method: 'POST',
        body: data,
        secure: true,
        type: 'application/json',
        format: 'json',
        ...params,
      }),

    /**
     * No description
     *
     * @tags compact
     * @name CompactMyAcknowledgements
     * @summary My acknowledgements, newest first
     * @request GET:/api/v1/me/acknowledgements
     * @secure
     */
    compactMyAcknowledgements: (params: RequestParams = {}) =>
      this.request<AcknowledgementDto[], ProblemDto>({
        path: `/api/v1/me/acknowledgements`,
        method: 'GET',
        secure: true,
        format: 'json',
        ...params,
      }),
  };
  notify = {
    /**
     * @description Titles and bodies in my language (my locale, else Accept-Language; Content-Language says which), see docs/i18n.md.
     *
     * @tags notify
     * @name NotificationsList
     * @summary My notifications, newest first (filter with unread=true)
     * @request GET:/api/v1/notifications
     * @secure
     */
    notificationsList: (query: NotificationsListParams = {}, params: RequestParams = {}) =>
      this.request<NotificationPageDto, ProblemDto>({
        path: `/api/v1/notifications`,
        method: 'GET',
        query: query,
        secure: true,
        format: 'json',
        ...params,
      }),

    /**
     * No description
     *
     * @tags notify
     * @name NotificationsUnreadCount
     * @summary How many of my notifications are unread
     * @request GET:/api/v1/notifications/unread-count
     * @secure
     */
    notificationsUnreadCount: (params: RequestParams = {}) =>
      this.request<UnreadCountDto, ProblemDto>({
        path: `/api/v1/notifications/unread-count`,
        method: 'GET',
        secure: true,
        format: 'json',
        ...params,
      }),

    /**
     * No description
     *
     * @tags notify
     * @name NotificationsMarkRead
     * @summary Mark one of my notifications read (idempotent); anyone else’s is a 404
     * @request POST:/api/v1/notifications/{id}/read
     * @secure
     */
    notificationsMarkRead: ({ id }: NotificationsMarkReadParams, params: RequestParams = {}) =>
      this.request<NotificationDto, ProblemDto>({
        path: `/api/v1/notifications/${id}/read`,
        method: 'POST',
        secure: true,
        format: 'json',
        ...params,
      }),

    /**
     * No description
     *
     * @tags notify
     * @name WebhooksList
     * @summary Webhook subscriptions (admins: all; an API key: the ones it created)
     * @request GET:/api/v1/webhooks
     * @secure
     */
    webhooksList: (query: WebhooksListParams = {}, params: RequestParams = {}) =>
      this.request<WebhookPageDto, ProblemDto>({
        path: `/api/v1/webhooks`,
        method: 'GET',
        query: query,
        secure: true,
        format: 'json',
        ...params,
      }),

    /**
     * No description
     *
     * @tags notify
     * @name WebhooksCreate
     * @summary Subscribe a URL to events. The signing secret is in this response only.
     * @request POST:/api/v1/webhooks
     * @secure
     */
    webhooksCreate: (data: CreateWebhookDto, params: RequestParams = {}) =>
      this.request<WebhookDto, ProblemDto>({
        path: `/api/v1/webhooks`,
        method: 'POST',
        body: data,
        secure: true,
        type: 'application/json',
        format: 'json',
        ...params,
      }),

    /**
     * No description
     *
     * @tags notify
     * @name WebhooksGet
     * @summary One subscription (ETag for PATCH)
     * @request GET:/api/v1/webhooks/{id}
     * @secure
     */
    webhooksGet: ({ id }: WebhooksGetParams, params: RequestParams = {}) =>
      this.request<WebhookDto, ProblemDto>({
        path: `/api/v1/webhooks/${id}`,
        method: 'GET',
        secure: true,
        format: 'json',
        ...params,
      }),

    /**
     * No description
     *
     * @tags notify
     * @name WebhooksUpdate
     * @summary Change URL, filter, description or secret; enable or disable. Requires If-Match.
     * @request PATCH:/api/v1/webhooks/{id}
     * @secure
     */
    webhooksUpdate: ({ id }: WebhooksUpdateParams, data: UpdateWebhookDto, params: RequestParams = {}) =>
      this.request<WebhookDto, ProblemDto>({
        path: `/api/v1/webhooks/${id}`,
        method: 'PATCH',
        body: data,
        secure: true,
        type: 'application/json',
        format: 'json',
        ...params,
      }),

    /**
     * No description
     *
     * @tags notify
     * @name WebhooksRemove
     * @summary Delete a subscription and its delivery log
     * @request DELETE:/api/v1/webhooks/{id}
     * @secure
     */
    webhooksRemove: ({ id }: WebhooksRemoveParams, params: RequestParams = {}) =>
      this.request<void, ProblemDto>({
        path: `/api/v1/webhooks/${id}`,
        method: 'DELETE',
        secure: true,
        ...params,
      }),

    /**
     * No description
     *
     * @tags notify
     * @name WebhooksListDeliveries
     * @summary Delivery log, newest first: status, attempts, response codes, durations, errors
     * @request GET:/api/v1/webhooks/{id}/deliveries
     * @secure
     */
    webhooksListDeliveries: ({ id, ...query }: WebhooksListDeliveriesParams, params: RequestParams = {}) =>
      this.request<WebhookDeliveryPageDto, ProblemDto>({
        path: `/api/v1/webhooks/${id}/deliveries`,
        method: 'GET',
        query: query,
        secure: true,
        format: 'json',
        ...params,
      }),

    /**
     * No description
     *
     * @tags notify
     * @name WebhooksRedeliver
     * @summary Send a delivery again now (same webhook-id); supersedes a scheduled retry
     * @request POST:/api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver
     * @secure
     */
    webhooksRedeliver: ({ id, deliveryId }: WebhooksRedeliverParams, params: RequestParams = {}) =>
      this.request<WebhookDeliveryDto, ProblemDto>({
        path: `/api/v1/webhooks/${id}/deliveries/${deliveryId}/redeliver`,
        method: 'POST',
        secure: true,
        format: 'json',
        ...params,
      }),
  };
  projects = {
    /**
     * @description Filters: state (comma-separated), riskLevel, orgUnitId (subtree), technology, q (full text), mine, assignedToMe, unassigned, awaitingMyDecision, createdFrom/To; sort.
     *
     * @tags projects
     * @name ProjectsList
     * @summary Projects the caller may see, filtered and cursor-paginated
     * @request GET:/api/v1/projects
     * @secure
     */
    projectsList: (query: ProjectsListParams = {}, params: RequestParams = {}) =>
      this.request<ProjectSummaryPageDto, ProblemDto>({
        path: `/api/v1/projects`,
        method: 'GET',
        query: query,
        secure: true,
        format: 'json',
        ...params,
      }),

    /**
     * No description
     *
     * @tags projects
     * @name ProjectsCreate
     * @summary Propose a project (a draft, with a new HC-YYYY-NNNN reference)
     * @request POST:/api/v1/projects
     * @secure
     */
    projectsCreate: (data: CreateProjectDto, params: RequestParams = {}) =>
      this.request<ProjectDto, ProblemDto>({
        path: `/api/v1/projects`,
        method: 'POST',
        body: data,
        secure: true,
        type: 'application/json',
        format: 'json',
        ...params,
      }),

    /**
     * No description
     *
     * @tags projects
     * @name ProjectsGet
     * @summary One project, with the lifecycle actions the caller may take now
     * @request GET:/api/v1/projects/{id}
     * @secure
     */
    projectsGet: ({ id }: ProjectsGetParams, params: RequestParams = {}) =>
      this.request<ProjectDto, ProblemDto>({
        path: `/api/v1/projects/${id}`,
        method: 'GET',
        secure: true,
        format: 'json',
        ...params,
      }),

    /**
     * @description On an approved or in_delivery project only budget, dataCategories, technologies and vendors may change: an amendment (lifecycle action amend) that sends the project back to in_review for a new assessment revision and decision.
     *
     * @tags projects
     * @name ProjectsUpdate
     * @summary Edit a project (proposer or team; draft, info_requested, changes_requested). Requires If-Match.
     * @request PATCH:/api/v1/projects/{id}
     * @secure
     */
    projectsUpdate: ({ id }: ProjectsUpdateParams, data: UpdateProjectDto, params: RequestParams = {}) =>
      this.request<ProjectDto, ProblemDto>({
        path: `/api/v1/projects/${id}`,
        method: 'PATCH',
        body: data,
        secure: true,
        type: 'application/json',
        format: 'json',
        ...params,
      }),

    /**
     * No description
     *
     * @tags projects
     * @name ProjectsSelfScreening
     * @summary Record the HERO’s self-screening: computes the indicative tier and the fast-track flag
     * @request PUT:/api/v1/projects/{id}/self-screening
     * @secure
     */
    projectsSelfScreening: ({ id }: ProjectsSelfScreeningParams, data: SelfScreeningDto, params: RequestParams = {}) =>
      this.request<ProjectDto, ProblemDto>({
        path: `/api/v1/projects/${id}/self-screening`,
        method: 'PUT',
        body: data,
        secure: true,
        type: 'application/json',
        format: 'json',
        ...params,
      }),

    /**
     * No description
     *
     * @tags projects
     * @name ProjectActionsSubmit
     * @summary Submit for assessment (proposer; compact acknowledged, required fields, self-screening done)
     * @request POST:/api/v1/projects/{id}/submit
     * @secure
     */
    projectActionsSubmit: ({ id }: ProjectActionsSubmitParams, params: RequestParams = {}) =>
      this.request<ProjectDto, ProblemDto>({
        path: `/api/v1/projects/${id}/submit`,
        method: 'POST',
        secure: true,
        format: 'json',
        ...params,
      }),

    /**
     * No description
     *
     * @tags projects
     * @name ProjectActionsAssign
     * @summary Assign an advisor (CIO: anyone; advisor: themself); not the proposer or a team member
     * @request POST:/api/v1/projects/{id}/assign
     * @secure
     */
    projectActionsAssign: ({ id }: ProjectActionsAssignParams, data: AssignDto, params: RequestParams = {}) =>
      this.request<ProjectDto, ProblemDto>({
        path: `/api/v1/projects/${id}/assign`,
        method: 'POST',
        body: data,
        secure: true,
        type: 'application/json',
        format: 'json',
        ...params,
      }),

    /**
     * No description
     *
     * @tags projects
     * @name ProjectActionsRequestInfo
     * @summary Ask the proposer a question (assigned advisor or CIO)
     * @request POST:/api/v1/projects/{id}/request-info
     * @secure
     */
    projectActionsRequestInfo: ({ id }: ProjectActionsRequestInfoParams, data: RequestInfoDto, params: RequestParams = {}) =>
      this.request<ProjectDto, ProblemDto>({
        path: `/api/v1/projects/${id}/request-info`,
        method: 'POST',
        body: data,
        secure: true,
        type: 'application/json',
        format: 'json',
        ...params,
      }),

    /**
     * No description
     *
     * @tags projects
     * @name ProjectActionsRespond
     * @summary Answer the advisor (proposer or team); edits are allowed while info is requested
     * @request POST:/api/v1/projects/{id}/respond
     * @secure
     */
    projectActionsRespond: ({ id }: ProjectActionsRespondParams, data: RespondDto, params: RequestParams = {}) =>
      this.request<ProjectDto, ProblemDto>({
        path: `/api/v1/projects/${id}/respond`,
        method: 'POST',
        body: data,
        secure: true,
        type: 'application/json',
        format: 'json',
        ...params,
      }),

    /**
     * No description
     *
     * @tags projects
     * @name ProjectActionsWithdraw
     * @summary Withdraw the project (proposer), from draft up to awaiting decision
     * @request POST:/api/v1/projects/{id}/withdraw
     * @secure
     */
    projectActionsWithdraw: ({ id }: ProjectActionsWithdrawParams, data: ReasonDto, params: RequestParams = {}) =>
      this.request<ProjectDto, ProblemDto>({
        path: `/api/v1/projects/${id}/withdraw`,
        method: 'POST',
        body: data,
        secure: true,
        type: 'application/json',
        format: 'json',
        ...params,
      }),

    /**
     * No description
     *
     * @tags projects
     * @name ProjectConversationList
     * @summary The project’s conversation: comments, questions and answers (participants)
     * @request GET:/api/v1/projects/{id}/comments
     * @secure
     */
    projectConversationList: ({ id, ...query }: ProjectConversationListParams, params: RequestParams = {}) =>
      this.request<CommentPageDto, ProblemDto>({
        path: `/api/v1/projects/${id}/comments`,
        method: 'GET',
        query: query,
        secure: true,
        format: 'json',
        ...params,
      }),

    /**
     * No description
     *
     * @tags projects
     * @name ProjectConversationAdd
     * @summary Comment on a project (participants), optionally mentioning users
     * @request POST:/api/v1/projects/{id}/comments
     * @secure
     */
    projectConversationAdd: ({ id }: ProjectConversationAddParams, data: CommentInputDto, params: RequestParams = {}) =>
      this.request<CommentDto, ProblemDto>({
        path: `/api/v1/projects/${id}/comments`,
        method: 'POST',
        body: data,
        secure: true,
        type: 'application/json',
        format: 'json',
        ...params,
      }),

    /**
     * No description
     *
     * @tags projects
     * @name ProjectConversationHistory
     * @summary The project’s audit trail: every change, who, when (participants)
     * @request GET:/api/v1/projects/{id}/history
     * @secure
     */
    projectConversationHistory: ({ id, ...query }: ProjectConversationHistoryParams, params: RequestParams = {}) =>
      this.request<AuditEventPageDto, ProblemDto>({
        path: `/api/v1/projects/${id}/history`,
        method: 'GET',
        query: query,
        secure: true,
        format: 'json',
        ...params,
      }),

    /**
     * @description The project then needs a full assessment of every dimension. Re-screening does not put it back.
     *
     * @tags projects
     * @name ProjectFastTrackRemove
     * @summary Take the project off the fast track, with a reason (assigned advisor or CIO, before the assessment is submitted)
     * @request POST:/api/v1/projects/{id}/fast-track/remove
     * @secure
     */
    projectFastTrackRemove: ({ id }: ProjectFastTrackRemoveParams, data: RequiredReasonDto, params: RequestParams = {}) =>
      this.request<ProjectDto, ProblemDto>({
        path: `/api/v1/projects/${id}/fast-track/remove`,
        method: 'POST',
        body: data,
        secure: true,
        type: 'application/json',
        format: 'json',
        ...params,
      }),
  };
  risk = {
    /**
     * No description
     *
     * @tags risk
     * @name RiskFrameworksCurrent
     * @summary The current risk framework: dimensions with guidance, the 5×5 scale and the level thresholds
     * @request GET:/api/v1/risk-frameworks/current
     * @secure
     */
    riskFrameworksCurrent: (params: RequestParams = {}) =>
      this.request<RiskFrameworkDto, ProblemDto>({
        path: `/api/v1/risk-frameworks/current`,
        method: 'GET',
        secure: true,
        format: 'json',
        ...params,
      }),

    /**
     * No description
     *
     * @tags risk
     * @name RiskFrameworksList
     * @summary Risk framework versions, newest first (drafts only for the CIO)
     * @request GET:/api/v1/risk-frameworks
     * @secure
     */
    riskFrameworksList: (query: RiskFrameworksListParams = {}, params: RequestParams = {}) =>
      this.request<RiskFrameworkPageDto, ProblemDto>({
        path: `/api/v1/risk-frameworks`,
        method: 'GET',
        query: query,
        secure: true,
        format: 'json',
        ...params,
      }),

    /**
     * No description
     *
     * @tags risk
     * @name RiskFrameworksDraft
     * @summary Draft a new framework version (CIO); omitted parts are copied from the current version
     * @request POST:/api/v1/risk-frameworks
     * @secure
     */
    riskFrameworksDraft: (data: CreateRiskFrameworkDto, params: RequestParams = {}) =>
      this.request<RiskFrameworkDto, ProblemDto>({
        path: `/api/v1/risk-frameworks`,
        method: 'POST',
        body: data,
        secure: true,
        type: 'application/json',
        format: 'json',
        ...params,
      }),

    /**
     * No description
     *
     * @tags risk
     * @name RiskFrameworksGet
     * @summary One framework version — e.g. the one an older assessment was rated against
     * @request GET:/api/v1/risk-frameworks/{id}
     * @secure
     */
    riskFrameworksGet: ({ id }: RiskFrameworksGetParams, params: RequestParams = {}) =>
      this.request<RiskFrameworkDto, ProblemDto>({
        path: `/api/v1/risk-frameworks/${id}`,
        method: 'GET',
        secure: true,
        format: 'json',
        ...params,
      }),

    /**
     * No description
     *
     * @tags risk
     * @name RiskFrameworksPublish
     * @summary Publish a draft (CIO): new assessments use it; existing ones keep their version. Immutable afterwards.
     * @request POST:/api/v1/risk-frameworks/{id}/publish
     * @secure
     */
    riskFrameworksPublish: ({ id }: RiskFrameworksPublishParams, params: RequestParams = {}) =>
      this.request<RiskFrameworkDto, ProblemDto>({
        path: `/api/v1/risk-frameworks/${id}/publish`,
        method: 'POST',
        secure: true,
        format: 'json',
        ...params,
      }),

    /**
     * No description
     *
     * @tags risk
     * @name AssessmentsList
     * @summary Assessment revisions of a project, newest first (drafts only for the assigned advisor and the CIO)
     * @request GET:/api/v1/projects/{id}/assessments
     * @secure
     */
    assessmentsList: ({ id, ...query }: AssessmentsListParams, params: RequestParams = {}) =>
      this.request<AssessmentPageDto, ProblemDto>({
        path: `/api/v1/projects/${id}/assessments`,
        method: 'GET',
        query: query,
        secure: true,
        format: 'json',
        ...params,
      }),

    /**
     * @description Rated against the current framework version. Pre-filled from the self-screening (attention flags), or with copyFrom=previous from the last submitted revision. A fast-track project gets a light assessment.
     *
     * @tags risk
     * @name AssessmentsCreate
     * @summary Start a new assessment revision (assigned advisor or CIO, project in review)
     * @request POST:/api/v1/projects/{id}/assessments
     * @secure
     */
    assessmentsCreate: ({ id }: AssessmentsCreateParams, data: CreateAssessmentDto, params: RequestParams = {}) =>
      this.request<AssessmentDto, ProblemDto>({
        path: `/api/v1/projects/${id}/assessments`,
        method: 'POST',
        body: data,
        secure: true,
        type: 'application/json',
        format: 'json',
        ...params,
      }),

    /**
     * No description
     *
     * @tags risk
     * @name AssessmentsGet
     * @summary One assessment revision with server-computed scores and levels
     * @request GET:/api/v1/assessments/{id}
     * @secure
     */
    assessmentsGet: ({ id }: AssessmentsGetParams, params: RequestParams = {}) =>
      this.request<AssessmentDto, ProblemDto>({
        path: `/api/v1/assessments/${id}`,
        method: 'GET',
        secure: true,
        format: 'json',
        ...params,
      }),

    /**
     * @description Scores and levels are computed by the server; sending them is a 400.
     *
     * @tags risk
     * @name AssessmentsUpdate
     * @summary Edit a draft: ratings, mitigations, proposed conditions, recommendation. Requires If-Match.
     * @request PATCH:/api/v1/assessments/{id}
     * @secure
     */
    assessmentsUpdate: ({ id }: AssessmentsUpdateParams, data: UpdateAssessmentDto, params: RequestParams = {}) =>
      this.request<AssessmentDto, ProblemDto>({
        path: `/api/v1/assessments/${id}`,
        method: 'PATCH',
        body: data,
        secure: true,
        type: 'application/json',
        format: 'json',
        ...params,
      }),

    /**
     * @description Assigned advisor or CIO, compact acknowledged (it), project in review, every dimension in scope rated and valid.
     *
     * @tags risk
     * @name AssessmentsSubmit
     * @summary Submit the assessment: the project moves to awaiting_decision with its overall risk level
     * @request POST:/api/v1/assessments/{id}/submit
     * @secure
     */
    assessmentsSubmit: ({ id }: AssessmentsSubmitParams, params: RequestParams = {}) =>
      this.request<AssessmentDto, ProblemDto>({
        path: `/api/v1/assessments/${id}/submit`,
        method: 'POST',
        secure: true,
        format: 'json',
        ...params,
      }),
  };
  decisions = {
    /**
     * @description Not the proposer, a team member or the assessor (403 separation-of-duties). A limit below the budget, or in another currency, is 403 insufficient-authority naming the unit whose manager can decide. Approving against do_not_proceed needs riskAcceptance. High or critical risk goes to awaiting_cosign. A concurrent decision gets 409.
     *
     * @tags decisions
     * @name DecisionsDecide
     * @summary Decide: approve, approve with conditions, reject or request changes (a manager with authority over the unit and budget)
     * @request POST:/api/v1/projects/{id}/decision
     * @secure
     */
    decisionsDecide: ({ id }: DecisionsDecideParams, data: DecideDto, params: RequestParams = {}) =>
      this.request<ProjectDto, ProblemDto>({
        path: `/api/v1/projects/${id}/decision`,
        method: 'POST',
        body: data,
        secure: true,
        type: 'application/json',
        format: 'json',
        ...params,
      }),

    /**
     * No description
     *
     * @tags decisions
     * @name DecisionsCosign
     * @summary Co-sign or decline a high/critical-risk approval (the CIO; not the deciding manager, the assessor or the team)
     * @request POST:/api/v1/projects/{id}/cosign
     * @secure
     */
    decisionsCosign: ({ id }: DecisionsCosignParams, data: CosignDto, params: RequestParams = {}) =>
      this.request<ProjectDto, ProblemDto>({
        path: `/api/v1/projects/${id}/cosign`,
        method: 'POST',
        body: data,
        secure: true,
        type: 'application/json',
        format: 'json',
        ...params,
      }),

    /**
     * No description
     *
     * @tags decisions
     * @name DecisionsList
     * @summary The project’s decisions, newest first, with evidence snapshot, co-sign, risk acceptance and conditions
     * @request GET:/api/v1/projects/{id}/decisions
     * @secure
     */
    decisionsList: ({ id, ...query }: DecisionsListParams, params: RequestParams = {}) =>
      this.request<DecisionPageDto, ProblemDto>({
        path: `/api/v1/projects/${id}/decisions`,
        method: 'GET',
        query: query,
        secure: true,
        format: 'json',
        ...params,
      }),

    /**
     * No description
     *
     * @tags decisions
     * @name DecisionsListConditions
     * @summary Conditions of the project’s current decision (open ones block launch)
     * @request GET:/api/v1/projects/{id}/conditions
     * @secure
     */
    decisionsListConditions: ({ id }: DecisionsListConditionsParams, params: RequestParams = {}) =>
      this.request<ConditionPageDto, ProblemDto>({
        path: `/api/v1/projects/${id}/conditions`,
        method: 'GET',
        secure: true,
        format: 'json',
        ...params,
      }),

    /**
     * No description
     *
     * @tags decisions
     * @name DecisionsUpdateCondition
     * @summary Close a condition: the owner marks it met (evidenceNote), the deciding manager waives it (reason). Requires If-Match.
     * @request PATCH:/api/v1/projects/{id}/conditions/{conditionId}
     * @secure
     */
    decisionsUpdateCondition: ({ id, conditionId }: DecisionsUpdateConditionParams, data: UpdateConditionDto, params: RequestParams = {}) =>
      this.request<ConditionDto, ProblemDto>({
        path: `/api/v1/projects/${id}/conditions/${conditionId}`,
        method: 'PATCH',
        body: data,
        secure: true,
        type: 'application/json',
        format: 'json',
        ...params,
      }),

    /**
     * @description Filters: expired=true|false, inForce=true|false.
     *
     * @tags decisions
     * @name RiskAcceptancesList
     * @summary Risk acceptances on the projects you may see, soonest expiry first, flagged expired and in force
     * @request GET:/api/v1/risk-acceptances
     * @secure
     */
    riskAcceptancesList: (query: RiskAcceptancesListParams = {}, params: RequestParams = {}) =>
      this.request<RiskAcceptancePageDto, ProblemDto>({
        path: `/api/v1/risk-acceptances`,
        method: 'GET',
        query: query,
        secure: true,
        format: 'json',
        ...params,
      }),
  };
  delivery = {
    /**
     * No description
     *
     * @tags delivery
     * @name DeliveryStartDelivery
     * @summary Start delivering an approved project (proposer or team)
     * @request POST:/api/v1/projects/{id}/start-delivery
     * @secure
     */
    deliveryStartDelivery: ({ id }: DeliveryStartDeliveryParams, params: RequestParams = {}) =>
      this.request<ProjectDto, ProblemDto>({
        path: `/api/v1/projects/${id}/start-delivery`,
        method: 'POST',
        secure: true,
        format: 'json',
        ...params,
      }),

    /**
     * No description
     *
     * @tags delivery
     * @name DeliveryLaunch
     * @summary Launch (proposer or team): records the launch date; 409 open-conditions lists every condition still open
     * @request POST:/api/v1/projects/{id}/launch
     * @secure
     */
    deliveryLaunch: ({ id }: DeliveryLaunchParams, params: RequestParams = {}) =>
      this.request<ProjectDto, ProblemDto>({
        path: `/api/v1/projects/${id}/launch`,
        method: 'POST',
        secure: true,
        format: 'json',
        ...params,
      }),

    /**
     * No description
     *
     * @tags delivery
     * @name DeliveryRetire
     * @summary Retire a launched project, with a reason (proposer, team, or a manager over its unit)
     * @request POST:/api/v1/projects/{id}/retire
     * @secure
     */
    deliveryRetire: ({ id }: DeliveryRetireParams, data: RetireDto, params: RequestParams = {}) =>
      this.request<ProjectDto, ProblemDto>({
        path: `/api/v1/projects/${id}/retire`,
        method: 'POST',
        body: data,
        secure: true,
        type: 'application/json',
        format: 'json',
        ...params,
      }),

    /**
     * No description
     *
     * @tags delivery
     * @name DeliverySchedule
     * @summary Post-launch reviews: due 30 and 90 days after launch, with the ones recorded
     * @request GET:/api/v1/projects/{id}/reviews
     * @secure
     */
    deliverySchedule: ({ id }: DeliveryScheduleParams, params: RequestParams = {}) =>
      this.request<ReviewScheduleDto, ProblemDto>({
        path: `/api/v1/projects/${id}/reviews`,
        method: 'GET',
        secure: true,
        format: 'json',
        ...params,
      }),

    /**
     * No description
     *
     * @tags delivery
     * @name DeliveryRecord
     * @summary Record a post-launch review: scale, iterate or stop, with a rationale (a manager over the unit; stop retires the project)
     * @request POST:/api/v1/projects/{id}/reviews
     * @secure
     */
    deliveryRecord: ({ id }: DeliveryRecordParams, data: ReviewInputDto, params: RequestParams = {}) =>
      this.request<ReviewDto, ProblemDto>({
        path: `/api/v1/projects/${id}/reviews`,
        method: 'POST',
        body: data,
        secure: true,
        type: 'application/json',
        format: 'json',
        ...params,
      }),
  };
  outcomes = {
    /**
     * No description
     *
     * @tags outcomes
     * @name KpisReport
     * @summary Each KPI: latest value, trend, progress and on/off track against its target
     * @request GET:/api/v1/projects/{id}/kpis
     * @secure
     */
    kpisReport: ({ id }: KpisReportParams, params: RequestParams = {}) =>
      this.request<KpiReportDto, ProblemDto>({
        path: `/api/v1/projects/${id}/kpis`,
        method: 'GET',
        secure: true,
        format: 'json',
        ...params,
      }),

    /**
     * @description Returns the KPI as it stands after the measurement.
     *
     * @tags outcomes
     * @name KpisMeasure
     * @summary Post a KPI measurement (the proposer or team, or an API key with kpis:write) while in delivery or launched
     * @request POST:/api/v1/projects/{id}/kpis/{kpiId}/measurements
     * @secure
     */
    kpisMeasure: ({ id, kpiId }: KpisMeasureParams, data: MeasurementInputDto, params: RequestParams = {}) =>
      this.request<KpiReportItemDto, ProblemDto>({
        path: `/api/v1/projects/${id}/kpis/${kpiId}/measurements`,
        method: 'POST',
        body: data,
        secure: true,
        type: 'application/json',
        format: 'json',
        ...params,
      }),
  };
  attachments = {
    /**
     * @description The type is detected from the bytes (PDF, PNG, JPEG, GIF, WebP, DOCX/XLSX/PPTX, UTF-8 text, CSV); anything else is 415 `unsupported-attachment-type`. Over ATTACHMENT_MAX_BYTES is 413 `attachment-too-large`.
     *
     * @tags attachments
     * @name ProjectAttachmentsUpload
     * @summary Attach a file to a project, or to one of its assessments or conditions (participants; multipart/form-data)
     * @request POST:/api/v1/projects/{id}/attachments
     * @secure
     */
    projectAttachmentsUpload: ({ id }: ProjectAttachmentsUploadParams, data: ProjectAttachmentsUploadPayload, params: RequestParams = {}) =>
      this.request<AttachmentDto, ProblemDto>({
        path: `/api/v1/projects/${id}/attachments`,
        method: 'POST',
        body: data,
        secure: true,
        type: 'multipart/form-data',
        format: 'json',
        ...params,
      }),

    /**
     * No description
     *
     * @tags attachments
     * @name ProjectAttachmentsList
     * @summary The files attached to a project (anyone who can see it), newest first
     * @request GET:/api/v1/projects/{id}/attachments
     * @secure
     */
    projectAttachmentsList: ({ id, ...query }: ProjectAttachmentsListParams, params: RequestParams = {}) =>
      this.request<AttachmentPageDto, ProblemDto>({
        path: `/api/v1/projects/${id}/attachments`,
        method: 'GET',
        query: query,
        secure: true,
        format: 'json',
        ...params,
      }),

    /**
     * No description
     *
     * @tags attachments
     * @name AttachmentsGet
     * @summary One attachment’s metadata (anyone who can see its project)
     * @request GET:/api/v1/attachments/{id}
     * @secure
     */
    attachmentsGet: ({ id }: AttachmentsGetParams, params: RequestParams = {}) =>
      this.request<AttachmentDto, ProblemDto>({
        path: `/api/v1/attachments/${id}`,
        method: 'GET',
        secure: true,
        format: 'json',
        ...params,
      }),

    /**
     * No description
     *
     * @tags attachments
     * @name AttachmentsRemove
     * @summary Delete an attachment (the uploader or the CIO): hidden from lists and downloads, kept in the history
     * @request DELETE:/api/v1/attachments/{id}
     * @secure
     */
    attachmentsRemove: ({ id }: AttachmentsRemoveParams, params: RequestParams = {}) =>
      this.request<void, ProblemDto>({
        path: `/api/v1/attachments/${id}`,
        method: 'DELETE',
        secure: true,
        ...params,
      }),

    /**
     * No description
     *
     * @tags attachments
     * @name AttachmentsContent
     * @summary Download an attachment (Content-Disposition: attachment, the detected type, nosniff)
     * @request GET:/api/v1/attachments/{id}/content
     * @secure
     */
    attachmentsContent: ({ id }: AttachmentsContentParams, params: RequestParams = {}) =>
      this.request<Blob, ProblemDto>({
        path: `/api/v1/attachments/${id}/content`,
        method: 'GET',
        secure: true,
        ...params,
      }),
  };
  supports = {
    /**
     * @description One support per person: 201 the first time, 200 when it replaces your note. Not for the proposer or the team (403).
     *
     * @tags supports
     * @name SupportsSupport
     * @summary Support a project you can see ("my customers need this"), with an optional note; again to change the note
     * @request POST:/api/v1/projects/{id}/supports
     * @secure
     */
    supportsSupport: ({ id }: SupportsSupportParams, data: SupportInputDto, params: RequestParams = {}) =>
      this.request<SupportDto, ProblemDto>({
        path: `/api/v1/projects/${id}/supports`,
        method: 'POST',
        body: data,
        secure: true,
        type: 'application/json',
        format: 'json',
        ...params,
      }),

    /**
     * No description
     *
     * @tags supports
     * @name SupportsList
     * @summary Who supports a project, with their notes (anyone who can see it), oldest first
     * @request GET:/api/v1/projects/{id}/supports
     * @secure
     */
    supportsList: ({ id, ...query }: SupportsListParams, params: RequestParams = {}) =>
      this.request<SupportPageDto, ProblemDto>({
        path: `/api/v1/projects/${id}/supports`,
        method: 'GET',
        query: query,
        secure: true,
        format: 'json',
        ...params,
      }),

    /**
     * No description
     *
     * @tags supports
     * @name SupportsWithdraw
     * @summary Withdraw your support for a project
     * @request DELETE:/api/v1/projects/{id}/supports/mine
     * @secure
     */
    supportsWithdraw: ({ id }: SupportsWithdrawParams, params: RequestParams = {}) =>
      this.request<void, ProblemDto>({
        path: `/api/v1/projects/${id}/supports/mine`,
        method: 'DELETE',
        secure: true,
        ...params,
      }),
  };
  reports = {
    /**
     * @description Counts only what the caller may see: the CIO and admins everything, a manager their unit subtree, anyone else their own projects. `Accept: text/csv` returns the same figures as CSV.
     *
     * @tags reports
     * @name ReportsPortfolio
     * @summary Project counts by state, risk level, org unit, technology and fast track
     * @request GET:/api/v1/reports/portfolio
     * @secure
     */
    reportsPortfolio: (query: ReportsPortfolioParams = {}, params: RequestParams = {}) =>
      this.request<PortfolioReportDto, ProblemDto>({
        path: `/api/v1/reports/portfolio`,
        method: 'GET',
        query: query,
        secure: true,
        format: 'json',
        ...params,
      }),

    /**
     * @description Counts only what the caller may see: the CIO and admins everything, a manager their unit subtree, anyone else their own projects. `Accept: text/csv` returns the same figures as CSV.
     *
     * @tags reports
     * @name ReportsRiskHeatmap
     * @summary Likelihood × impact counts per risk dimension and overall, inherent and residual
     * @request GET:/api/v1/reports/risk-heatmap
     * @secure
     */
    reportsRiskHeatmap: (query: ReportsRiskHeatmapParams = {}, params: RequestParams = {}) =>
      this.request<RiskHeatmapReportDto, ProblemDto>({
        path: `/api/v1/reports/risk-heatmap`,
        method: 'GET',
        query: query,
        secure: true,
        format: 'json',
        ...params,
      }),

    /**
     * @description Counts only what the caller may see: the CIO and admins everything, a manager their unit subtree, anyone else their own projects. `Accept: text/csv` returns the same figures as CSV.
     *
     * @tags reports
     * @name ReportsCycleTimes
     * @summary Median and p90 time spent in each lifecycle stage, overall and per unit
     * @request GET:/api/v1/reports/cycle-times
     * @secure
     */
    reportsCycleTimes: (query: ReportsCycleTimesParams = {}, params: RequestParams = {}) =>
      this.request<CycleTimesReportDto, ProblemDto>({
        path: `/api/v1/reports/cycle-times`,
        method: 'GET',
        query: query,
        secure: true,
        format: 'json',
        ...params,
      }),

    /**
     * @description Counts only what the caller may see: the CIO and admins everything, a manager their unit subtree, anyone else their own projects. `Accept: text/csv` returns the same figures as CSV.
     *
     * @tags reports
     * @name ReportsDecisions
     * @summary Approval, rejection and change-request rates per unit
     * @request GET:/api/v1/reports/decisions
     * @secure
     */
    reportsDecisions: (query: ReportsDecisionsParams = {}, params: RequestParams = {}) =>
      this.request<DecisionsReportDto, ProblemDto>({
        path: `/api/v1/reports/decisions`,
        method: 'GET',
        query: query,
        secure: true,
        format: 'json',
        ...params,
      }),

    /**
     * @description People-based: a manager sees their subtree, the CIO and admins everything, anyone else their own unit. `Accept: text/csv` for CSV.
     *
     * @tags reports
     * @name ReportsHeroIndex
     * @summary HERO index per unit: who proposes, who acknowledged the compact, approval rate, time to decision
     * @request GET:/api/v1/reports/hero-index
     * @secure
     */
    reportsHeroIndex: (query: ReportsHeroIndexParams = {}, params: RequestParams = {}) =>
      this.request<HeroIndexReportDto, ProblemDto>({
        path: `/api/v1/reports/hero-index`,
        method: 'GET',
        query: query,
        secure: true,
        format: 'json',
        ...params,
      }),

    /**
     * @description Counts only what the caller may see: the CIO and admins everything, a manager their unit subtree, anyone else their own projects. `Accept: text/csv` returns the same figures as CSV.
     *
     * @tags reports
     * @name ReportsSla
     * @summary SLA breaches per stage and unit, and how many are still waiting
     * @request GET:/api/v1/reports/sla
     * @secure
     */
    reportsSla: (query: ReportsSlaParams = {}, params: RequestParams = {}) =>
      this.request<SlaReportDto, ProblemDto>({
        path: `/api/v1/reports/sla`,
        method: 'GET',
        query: query,
        secure: true,
        format: 'json',
        ...params,
      }),

    /**
     * @description Counts only what the caller may see: the CIO and admins everything, a manager their unit subtree, anyone else their own projects. `Accept: text/csv` returns the same figures as CSV.
     *
     * @tags reports
     * @name ReportsKpis
     * @summary KPI outcomes of launched projects: share on track, overall and per technology
     * @request GET:/api/v1/reports/kpis
     * @secure
     */
    reportsKpis: (query: ReportsKpisParams = {}, params: RequestParams = {}) =>
      this.request<KpiOutcomesReportDto, ProblemDto>({
        path: `/api/v1/reports/kpis`,
        method: 'GET',
        query: query,
        secure: true,
        format: 'json',
        ...params,
      }),

    /**
     * @description Counts only what the caller may see: the CIO and admins everything, a manager their unit subtree, anyone else their own projects. `Accept: text/csv` returns the same figures as CSV.
     *
     * @tags reports
     * @name ReportsRiskAcceptances
     * @summary Risk acceptances in force, expired and expiring within N days
     * @request GET:/api/v1/reports/risk-acceptances
     * @secure
     */
    reportsRiskAcceptances: (query: ReportsRiskAcceptancesParams = {}, params: RequestParams = {}) =>
      this.request<RiskAcceptancesReportDto, ProblemDto>({
        path: `/api/v1/reports/risk-acceptances`,
        method: 'GET',
        query: query,
        secure: true,
        format: 'json',
        ...params,
      }),
  };
}
