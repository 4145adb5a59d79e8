/**
 * The national data set generator the benchmarks load (issue #12). Its code lives with the
 * API's seeders (apps/api/src/seed/national-data.ts) because the comparison's e2e tests, which
 * cannot import from bench/, generate a sliver of the same set and check the figures on it.
 */
export { generateNational, type NationalData, type NationalDatabase, type NationalOptions } from '@motesplats/api/seed/national-data.js';
