/**
 * The API's code lists the forms offer, in the order they show them. Their words are in the
 * catalog (i18n/messages/terms.ts, `useI18n().term`); money and dates are formatted with
 * `useI18n().fmt` (i18n/format.ts), the one place that formats for a locale.
 */
export const TECHNOLOGIES = ['mobile', 'social', 'video', 'cloud', 'iot', 'ai', 'web', 'other'] as const;
export const DATA_CATEGORIES = ['none', 'personal', 'sensitive', 'payment', 'health', 'children', 'location'] as const;
export const RISK_LEVELS = ['low', 'medium', 'high', 'critical'] as const;
export const ROLES = ['hero', 'it_advisor', 'cio', 'manager', 'admin'] as const;
/** States no action leaves: they take no new attachments or support (test/web checks this against the lifecycle table). */
export const CLOSED_STATES: readonly string[] = ['withdrawn', 'rejected', 'retired'];
export const RECOMMENDATIONS = ['proceed', 'proceed_with_conditions', 'do_not_proceed'] as const;
