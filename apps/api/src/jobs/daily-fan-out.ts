import type { Queue } from 'bullmq';
import { localDate } from '@motesplats/rules';
import { jobId } from './job-id.js';

/**
 * A daily sweep's fan-out: one job per municipality for the Stockholm day. The job id names the
 * municipality and the day, so a second sweep the same day adds nothing.
 */
export async function queueForEachMunicipality(queue: Queue, name: string, tenantIds: string[], now = new Date()): Promise<number> {
  const today = localDate(now);
  await queue.addBulk(tenantIds.map((tenantId) => ({ name, data: { tenantId, today }, opts: { jobId: jobId(name, tenantId, today) } })));
  return tenantIds.length;
}
