import { readdirSync, readFileSync } from 'node:fs';

/** CPU time spent while a side of a benchmark ran, in milliseconds, by who spent it. */
export interface CpuSpent {
  /** This process: the API under test (or the bare route), not the load generator. */
  node: number;
  /** Every PostgreSQL process on the machine (backends, and its background workers). */
  postgres: number;
  redis: number;
}

/** USER_HZ is 100 on Linux: a tick of /proc's utime and stime is 10 ms. */
const MS_PER_TICK = 10;

/** utime + stime of every process whose name starts with one of `names`, in clock ticks (Linux /proc; zero elsewhere). */
function ticksOf(names: string[]): Record<string, number> {
  const out = Object.fromEntries(names.map((n) => [n, 0]));
  let pids: string[] = [];
  try {
    pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  } catch {
    return out;
  }
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const name = names.find((n) => comm.startsWith(n));
      if (!name) continue;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out[name]! += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process ended between listing and reading.
    }
  }
  return out;
}

/**
 * Runs `fn` and says how much CPU this process, PostgreSQL and Redis spent meanwhile: on two
 * shared cores, throughput is bounded by the sum, so the split shows which side a figure is
 * really about. Postgres backends that end during `fn` lose their ticks (the pools here stay open).
 */
export async function cpuDuring<T>(fn: () => Promise<T>): Promise<{ result: T; cpu: CpuSpent }> {
  const before = ticksOf(['postgres', 'redis-server']);
  const own = process.cpuUsage();
  const result = await fn();
  const used = process.cpuUsage(own);
  const after = ticksOf(['postgres', 'redis-server']);
  return {
    result,
    cpu: {
      node: (used.user + used.system) / 1000,
      postgres: (after.postgres! - before.postgres!) * MS_PER_TICK,
      redis: (after['redis-server']! - before['redis-server']!) * MS_PER_TICK,
    },
  };
}
