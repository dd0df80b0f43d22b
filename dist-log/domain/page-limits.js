/** Every paginated list: 10 per page unless asked, at most 500 (Clerk's limits). */
export const DEFAULT_LIMIT = 10;
export const MAX_LIMIT = 500;
//# sourceMappingURL=page-limits.js.map