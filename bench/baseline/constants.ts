/** The app's visibility constants (src/projects/project-access.ts), copied: that module pulls in Nest and TypeORM. */
export const PUBLIC_STATES = ['approved', 'in_delivery', 'launched', 'retired'];
export const ADVISOR_QUEUE = ['submitted'];
