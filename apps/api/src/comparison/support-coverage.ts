/**
 * The seam for support coverage: the support capability (built separately) provides this
 * token; until it does, the comparison shows support coverage as absent. Figures must already
 * be the region's view — counts per municipality, no people.
 */
export const SUPPORT_COVERAGE = Symbol('SUPPORT_COVERAGE');

export interface SupportCoverageSource {
  /** Per municipality of the caller's region: meetings in the period that needed support, and those covered. */
  regionalSupportCoverage(from: string, to: string): Promise<Map<string, { needed: number; covered: number }>>;
}
