import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

/**
 * With BENCH_PROFILE=<file prefix>, records a V8 CPU profile of this process (the API under test
 * lives here; the load generator does not) while `fn` runs, appending to one profile per label
 * across rounds: `<prefix>.<label>.cpuprofile`, read with `node scripts/profile-summary.mjs`.
 * Without it, just runs `fn`. Profiling slows the side it watches: never in a reported run.
 */
export async function profiled<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const prefix = process.env.BENCH_PROFILE;
  if (!prefix) return fn();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await fn();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(`${prefix}.${label}.${Date.now()}.cpuprofile`, JSON.stringify(profile));
    session.disconnect();
  }
}
