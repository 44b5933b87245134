import type {
  AttachmentDto,
  CommentDto,
  ConditionDto,
  CosignStatusDto,
  DecisionDto,
  EffortValueResultDto,
  KpiReportItemDto,
  MeDto,
  MitigationDto,
  OrgUnitDto,
  ProjectDto,
  ReviewDto,
  ScheduledReviewDto,
  UpdateAssessmentDto,
  WebhookDeliveryDto,
} from '../api/generated/api';
import type { FR, Key, ParamsOf } from './catalog';
import type { Placeholders } from './template';

/**
 * Compile-time checks of the catalog (`npm run build` typechecks web/): nothing here runs.
 */
/** Keys whose French text has other placeholders than the English one: must stay `never`. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type PlaceholderMismatch = { [K in Key]: Same<ParamsOf<K>, Placeholders<(typeof FR)[K]>> extends true ? never : K }[Key];
export const placeholdersMatch: [PlaceholderMismatch] extends [never] ? true : { mismatch: PlaceholderMismatch } = true;

/** Every value of the API's enums that the screens show has its word (a new state fails the build here). */
// Project states and lifecycle actions are plain strings in the OpenAPI document: the web catalog
// test (test/web/web-i18n.e2e-spec.ts) checks them against the server's lifecycle table instead.
type Shown =
  | `role.${MeDto['roles'][number]}`
  | `risk.${NonNullable<ProjectDto['riskLevel']>}`
  | `riskBadge.${NonNullable<ProjectDto['riskLevel']>}`
  | `tech.${ProjectDto['technologies'][number]}`
  | `data.${ProjectDto['dataCategories'][number]}`
  | `recommendation.${NonNullable<UpdateAssessmentDto['recommendation']>}`
  | `decided.${DecisionDto['outcome']}`
  | `cosignStatus.${CosignStatusDto['status']}`
  | `conditionStatus.${ConditionDto['status']}`
  | `mitigationStatus.${MitigationDto['status']}`
  | `kpiStatus.${KpiReportItemDto['status']}`
  | `trend.${NonNullable<KpiReportItemDto['trend']>}`
  | `reviewStatus.${ScheduledReviewDto['status']}`
  | `reviewOutcome.${ReviewDto['outcome']}`
  | `verdict.${EffortValueResultDto['verdict']}`
  | `orgKind.${OrgUnitDto['kind']}`
  | `commentKind.${Exclude<CommentDto['kind'], 'comment'>}`
  | `userStatus.${MeDto['status']}`
  | `deliveryStatus.${WebhookDeliveryDto['status']}`
  | `fileType.${AttachmentDto['contentType']}`;
type MissingTerm = Exclude<Shown, Key>;
export const termsCovered: [MissingTerm] extends [never] ? true : { missing: MissingTerm } = true;
