import { join } from 'node:path';
import { plainToInstance, Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';
import { loadAuthSettings, type SsoSettings } from './sso-config';
import { parseTrustProxy, type TrustProxy } from './trust-proxy';

/**
 * The only reader of process.env (STYLE.md "Typed, validated environment"). Every variable is
 * documented in .env.example and README; a bad value stops the app with a message naming it.
 */
export const DEV_JWT_SECRET = 'dev-only-insecure-jwt-secret-change-me';
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export type NodeEnv = 'development' | 'production' | 'test';

const toBool = ({ value }: { value: unknown }): unknown => {
  if (typeof value !== 'string') return value;
  const v = value.trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(v)) return true;
  if (['false', '0', 'no', 'off'].includes(v)) return false;
  return value;
};
const toList = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : value;

class EnvironmentVariables {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: NodeEnv = 'development';

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  @IsOptional()
  @IsString()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string;

  @IsString()
  @MinLength(1)
  DATA_DIR = '.data';

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1024)
  @Max(65535)
  EMBEDDED_PG_PORT?: number;

  @IsString()
  @MinLength(16)
  JWT_SECRET: string = DEV_JWT_SECRET;

  @Type(() => Number)
  @IsInt()
  @Min(60)
  @Max(3600)
  JWT_ACCESS_TTL_SECONDS = 900;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(365)
  REFRESH_TOKEN_TTL_DAYS = 30;

  @Transform(toList)
  @IsString({ each: true })
  @Matches(/^https?:\/\/[^\s/]+$/, { each: true, message: 'each origin must look like https://host[:port]' })
  CORS_ORIGINS: string[] = [];

  /** Which proxies' X-Forwarded-For to believe (src/config/trust-proxy.ts); checked in loadConfig. */
  @IsOptional()
  @IsString()
  TRUST_PROXY?: string;

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: LogLevel = 'info';

  @Transform(toBool)
  @IsBoolean()
  RUN_MIGRATIONS = true;

  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  SEED_DEMO?: boolean;

  @Matches(/^\d+(b|kb|mb)$/i, { message: 'must be a size such as 256kb or 1mb' })
  BODY_LIMIT = '256kb';

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  DB_POOL_MAX = 10;

  @Transform(toBool)
  @IsBoolean()
  PUBLIC_PORTFOLIO = true;

  /** Newest projects a search walks before it reads the full-text index instead (0: always the index). */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  SEARCH_WALK_ROWS = 5000;

  @Type(() => Number)
  @IsInt()
  @Min(0)
  FAST_TRACK_BUDGET_LIMIT = 1_000_000;

  @Matches(/^[A-Z]{3}$/, { message: 'must be an ISO 4217 code such as EUR' })
  FAST_TRACK_BUDGET_CURRENCY = 'EUR';

  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_RATE_LIMIT_PER_IP = 20;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_RATE_LIMIT_PER_ACCOUNT = 5;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_RATE_WINDOW_SECONDS = 60;

  // Sensitive business flows (OWASP API6): writes per principal per minute, and project intake
  // (create + submit) per principal per hour. In memory per instance, like the login limits.
  @Type(() => Number)
  @IsInt()
  @Min(1)
  WRITE_RATE_LIMIT_PER_MINUTE = 120;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  PROJECT_INTAKE_LIMIT_PER_HOUR = 30;

  // Background workers (pg-boss): webhook delivery, outbox dispatch, SLA scan. See docs/operations.md.
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  WORKERS_ENABLED?: boolean;

  @Type(() => Number)
  @IsNumber()
  @Min(0.5)
  @Max(60)
  JOB_POLL_INTERVAL_SECONDS = 2;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3600)
  JOB_MAINTENANCE_INTERVAL_SECONDS = 60;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  JOB_BATCH_SIZE = 10;

  @Transform(toBool)
  @IsBoolean()
  WEBHOOK_ALLOW_PRIVATE_TARGETS = false;

  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(60_000)
  WEBHOOK_TIMEOUT_MS = 10_000;

  @Type(() => Number)
  @IsInt()
  @Min(10)
  @Max(3_600_000)
  WEBHOOK_RETRY_BASE_MS = 30_000;

  @Type(() => Number)
  @IsInt()
  @Min(10)
  @Max(86_400_000)
  WEBHOOK_RETRY_MAX_DELAY_MS = 21_600_000;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(72)
  WEBHOOK_RETRY_WINDOW_HOURS = 24;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  WEBHOOK_MAX_CONSECUTIVE_FAILURES = 50;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(60)
  SLA_ASSIGNMENT_DAYS = 2;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(60)
  SLA_ASSESSMENT_DAYS = 5;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(60)
  SLA_FAST_TRACK_ASSESSMENT_DAYS = 2;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(60)
  SLA_DECISION_DAYS = 3;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(60)
  SLA_COSIGN_DAYS = 2;

  @Transform(toList)
  @IsString({ each: true })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { each: true, message: 'each holiday must be a date such as 2026-12-25' })
  SLA_HOLIDAYS: string[] = [];

  @Matches(/^\S+( \S+){4}$/, { message: 'must be a 5-field cron expression such as */10 * * * *' })
  SLA_SCAN_CRON = '*/10 * * * *';

  // Attachments (docs/api-guide.md "Attachments"): largest file, where the bytes go.
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(104_857_600)
  ATTACHMENT_MAX_BYTES = 10_485_760;

  @IsIn(['database', 'disk'])
  ATTACHMENT_STORAGE: 'database' | 'disk' = 'database';

  @IsOptional()
  @IsString()
  @MinLength(1)
  ATTACHMENT_DIR?: string;
}

/** Webhook delivery (docs/webhooks.md). */
export interface WebhookSettings {
  /** Allow loopback/private/link-local targets (tests, on-premise receivers); off stops SSRF. */
  allowPrivateTargets: boolean;
  timeoutMs: number;
  retryBaseMs: number;
  retryMaxDelayMs: number;
  retryWindowHours: number;
  maxConsecutiveFailures: number;
}

/** SLA targets in business days and the calendar (DOMAIN.md §8). */
export interface SlaSettings {
  targets: { assignment: number; assessment: number; fastTrackAssessment: number; decision: number; cosign: number };
  /** YYYY-MM-DD dates that are not business days. */
  holidays: string[];
  scanCron: string;
}

/** Attachment uploads (issue 12): size limit and storage backend. */
export interface AttachmentSettings {
  /** Largest accepted file, in bytes (413 above). */
  maxBytes: number;
  /** Where new uploads' bytes go; each attachment remembers its own backend. */
  storage: 'database' | 'disk';
  /** Folder of the disk backend (default DATA_DIR/attachments). */
  dir: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

export class AppConfig {
  readonly nodeEnv!: NodeEnv;
  readonly port!: number;
  /** Undefined means: start the embedded PostgreSQL under dataDir. */
  readonly databaseUrl?: string;
  readonly dataDir!: string;
  readonly embeddedPgPort?: number;
  readonly jwtSecret!: string;
  readonly jwtAccessTtlSeconds!: number;
  readonly refreshTokenTtlDays!: number;
  readonly corsOrigins!: string[];
  /** Express `trust proxy`: the client's address behind a load balancer (docs/operations.md). */
  readonly trustProxy!: TrustProxy;
  readonly logLevel!: LogLevel;
  readonly runMigrations!: boolean;
  readonly seedDemo!: boolean;
  readonly bodyLimit!: string;
  readonly dbPoolMax!: number;
  readonly publicPortfolio!: boolean;
  /** A search's bounded walk of the newest projects (ProjectViews.list, docs/performance.md). */
  readonly searchWalkRows!: number;
  /** Budget above which a project is not fast-track (minor units + currency). */
  readonly fastTrackBudgetLimit!: { amount: number; currency: string };
  readonly loginRateLimitPerIp!: number;
  readonly loginRateLimitPerAccount!: number;
  readonly loginRateWindowSeconds!: number;
  readonly writeRateLimitPerMinute!: number;
  readonly projectIntakeLimitPerHour!: number;
  /** OpenID Connect single sign-on; null when OIDC_ISSUER is unset (src/config/sso-config.ts). */
  readonly sso!: SsoSettings | null;
  /** false: POST /auth/login answers 403 local-login-disabled (sign-in through SSO only). */
  readonly localPasswordsEnabled!: boolean;
  /** Run pg-boss workers and schedules in this process (the API enqueues jobs either way). */
  readonly workersEnabled!: boolean;
  readonly jobPollIntervalSeconds!: number;
  readonly jobMaintenanceIntervalSeconds!: number;
  readonly jobBatchSize!: number;
  readonly webhook!: WebhookSettings;
  readonly sla!: SlaSettings;
  readonly attachments!: AttachmentSettings;

  constructor(values: AppConfig) {
    Object.assign(this, values);
    Object.freeze(this);
  }

  get isProduction(): boolean {
    return this.nodeEnv === 'production';
  }

  get usesEmbeddedDatabase(): boolean {
    return this.databaseUrl === undefined;
  }

  withDatabaseUrl(databaseUrl: string): AppConfig {
    return new AppConfig({ ...this, databaseUrl });
  }

  with(overrides: Partial<AppConfig>): AppConfig {
    return new AppConfig({ ...this, ...overrides });
  }
}

/** Reads and validates the environment. Throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const raw = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const vars = plainToInstance(EnvironmentVariables, raw, { exposeDefaultValues: true });
  const problems = validateSync(vars, { skipMissingProperties: false }).map(
    (e) => `${e.property}: ${Object.values(e.constraints ?? {}).join('; ')} (got ${JSON.stringify(e.value)})`,
  );
  if (vars.NODE_ENV === 'production') {
    if (!raw.JWT_SECRET || vars.JWT_SECRET === DEV_JWT_SECRET || vars.JWT_SECRET.length < 32) {
      problems.push('JWT_SECRET: must be set to a random secret of at least 32 characters in production');
    }
    if (vars.SEED_DEMO) {
      problems.push('SEED_DEMO: demo accounts share a published password and are refused in production');
    }
  }
  const trustProxy = parseTrustProxy(vars.TRUST_PROXY);
  if ('problem' in trustProxy) problems.push(trustProxy.problem);
  const auth = loadAuthSettings(raw as Record<string, string>, vars.NODE_ENV === 'production');
  problems.push(...auth.problems);
  if (problems.length > 0) throw new ConfigError(problems);
  return new AppConfig({
    nodeEnv: vars.NODE_ENV,
    port: vars.PORT,
    databaseUrl: vars.DATABASE_URL,
    dataDir: vars.DATA_DIR,
    embeddedPgPort: vars.EMBEDDED_PG_PORT,
    jwtSecret: vars.JWT_SECRET,
    jwtAccessTtlSeconds: vars.JWT_ACCESS_TTL_SECONDS,
    refreshTokenTtlDays: vars.REFRESH_TOKEN_TTL_DAYS,
    corsOrigins: vars.CORS_ORIGINS,
    trustProxy: 'value' in trustProxy ? trustProxy.value : false,
    logLevel: vars.LOG_LEVEL,
    runMigrations: vars.RUN_MIGRATIONS,
    // Demo data is seeded by default only on the embedded database (a throwaway local server).
    seedDemo: vars.SEED_DEMO ?? (vars.DATABASE_URL === undefined && vars.NODE_ENV !== 'production'),
    bodyLimit: vars.BODY_LIMIT,
    dbPoolMax: vars.DB_POOL_MAX,
    publicPortfolio: vars.PUBLIC_PORTFOLIO,
    searchWalkRows: vars.SEARCH_WALK_ROWS,
    fastTrackBudgetLimit: { amount: vars.FAST_TRACK_BUDGET_LIMIT, currency: vars.FAST_TRACK_BUDGET_CURRENCY },
    loginRateLimitPerIp: vars.LOGIN_RATE_LIMIT_PER_IP,
    loginRateLimitPerAccount: vars.LOGIN_RATE_LIMIT_PER_ACCOUNT,
    loginRateWindowSeconds: vars.LOGIN_RATE_WINDOW_SECONDS,
    writeRateLimitPerMinute: vars.WRITE_RATE_LIMIT_PER_MINUTE,
    projectIntakeLimitPerHour: vars.PROJECT_INTAKE_LIMIT_PER_HOUR,
    sso: auth.sso,
    localPasswordsEnabled: auth.localPasswordsEnabled,
    // Off by default under NODE_ENV=test so e2e suites opt in to background work.
    workersEnabled: vars.WORKERS_ENABLED ?? vars.NODE_ENV !== 'test',
    jobPollIntervalSeconds: vars.JOB_POLL_INTERVAL_SECONDS,
    jobMaintenanceIntervalSeconds: vars.JOB_MAINTENANCE_INTERVAL_SECONDS,
    jobBatchSize: vars.JOB_BATCH_SIZE,
    webhook: {
      allowPrivateTargets: vars.WEBHOOK_ALLOW_PRIVATE_TARGETS,
      timeoutMs: vars.WEBHOOK_TIMEOUT_MS,
      retryBaseMs: vars.WEBHOOK_RETRY_BASE_MS,
      retryMaxDelayMs: vars.WEBHOOK_RETRY_MAX_DELAY_MS,
      retryWindowHours: vars.WEBHOOK_RETRY_WINDOW_HOURS,
      maxConsecutiveFailures: vars.WEBHOOK_MAX_CONSECUTIVE_FAILURES,
    },
    sla: {
      targets: {
        assignment: vars.SLA_ASSIGNMENT_DAYS,
        assessment: vars.SLA_ASSESSMENT_DAYS,
        fastTrackAssessment: vars.SLA_FAST_TRACK_ASSESSMENT_DAYS,
        decision: vars.SLA_DECISION_DAYS,
        cosign: vars.SLA_COSIGN_DAYS,
      },
      holidays: vars.SLA_HOLIDAYS,
      scanCron: vars.SLA_SCAN_CRON,
    },
    attachments: {
      maxBytes: vars.ATTACHMENT_MAX_BYTES,
      storage: vars.ATTACHMENT_STORAGE,
      dir: vars.ATTACHMENT_DIR ?? join(vars.DATA_DIR, 'attachments'),
    },
  } as AppConfig);
}
