import { spawn } from 'node:child_process';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What one load run asks of autocannon (in its own process, so it never shares the server's event loop). */
export interface LoadSpec {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Paths requested in turn (each once when `amount` equals their number) */
  paths?: string[];
  connections: number;
  /** Seconds, unless `amount` is given */
  duration?: number;
  amount?: number;
}

export interface LoadResult {
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  seconds: number;
}

const CHILD = join(dirname(fileURLToPath(import.meta.url)), 'load-child.js');

export async function load(spec: LoadSpec): Promise<LoadResult> {
  const dir = mkdtempSync(join(tmpdir(), 'motesplats-load-'));
  const file = join(dir, 'spec.json');
  writeFileSync(file, JSON.stringify(spec));
  try {
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, [CHILD, file], { stdio: ['ignore', 'pipe', 'inherit'] });
      let text = '';
      child.stdout.on('data', (c: Buffer) => (text += c.toString()));
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`load generator exited ${code}`))));
    });
    return JSON.parse(out) as LoadResult;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Runs A and B in turn, `rounds` times each (A B A B …), so drift on a shared machine hits both
 * sides alike; returns each side's rounds. `b` may be several baselines, run in the same turn.
 */
export async function alternate<K extends string>(rounds: number, sides: Record<K, (round: number) => Promise<LoadResult>>): Promise<Record<K, LoadResult[]>> {
  const out = Object.fromEntries(Object.keys(sides).map((k) => [k, []])) as unknown as Record<K, LoadResult[]>;
  for (let r = 0; r < rounds; r++) {
    for (const k of Object.keys(sides) as K[]) out[k].push(await sides[k](r));
  }
  return out;
}

/** Requests per second over all rounds, and the median of the rounds' p99. */
export function summary(results: LoadResult[]): { rps: number; p99: number; p50: number; failures: number } {
  const total = results.reduce((s, r) => s + r.requests, 0);
  const seconds = results.reduce((s, r) => s + r.seconds, 0);
  const sorted = (f: (r: LoadResult) => number) => results.map(f).sort((a, b) => a - b);
  const mid = (xs: number[]) => xs[Math.floor(xs.length / 2)]!;
  return {
    rps: total / seconds,
    p99: mid(sorted((r) => r.p99)),
    p50: mid(sorted((r) => r.p50)),
    failures: results.reduce((s, r) => s + r.non2xx + r.errors, 0),
  };
}
