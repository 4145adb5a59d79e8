/**
 * Deterministic job ids make scheduling idempotent: scheduling the same thing twice finds the
 * existing job. BullMQ 6 refuses ids containing ':'.
 */
export function jobId(kind: string, ...parts: (string | number)[]): string {
  const id = [kind, ...parts].join('__');
  if (id.includes(':')) throw new Error(`Job ids must not contain ':' (${id})`);
  return id;
}

/** Every job that touches municipal data carries its tenant and opens its own tenant transaction. */
export interface TenantJobData {
  tenantId: string;
}
