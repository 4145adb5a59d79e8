import { appendFileSync } from 'node:fs';

/**
 * One line of `npm run bench`'s table: a figure, the baseline it is judged against (measured
 * in the same run), their ratio and the issue's goal for it. Each benchmark process appends
 * its lines to BENCH_RESULTS; scripts/bench.mjs prints them together at the end.
 */
export interface Figure {
  benchmark: string;
  figure: string;
  value: number;
  unit: string;
  baseline?: string;
  baselineValue?: number;
  /** value / baselineValue unless given (e.g. throughput ratios read as "of the baseline") */
  ratio?: number;
  /** The goal, e.g. "≥ 0.50"; `met` says whether this run met it. */
  goal?: string;
  met?: boolean;
  note?: string;
}

export function record(f: Figure): void {
  const ratio = f.ratio ?? (f.baselineValue ? f.value / f.baselineValue : undefined);
  const line = { ...f, ratio };
  const file = process.env.BENCH_RESULTS;
  if (file) appendFileSync(file, `${JSON.stringify(line)}\n`);
  const base = f.baseline ? ` vs ${f.baseline} ${fmt(f.baselineValue)} ${f.unit}` : '';
  console.log(
    `  ${f.figure}: ${fmt(f.value)} ${f.unit}${base}${ratio !== undefined ? ` (ratio ${ratio.toFixed(3)})` : ''}${f.goal ? ` goal ${f.goal}: ${f.met ? 'met' : 'NOT met'}` : ''}`,
  );
}

export function fmt(n: number | undefined): string {
  if (n === undefined || Number.isNaN(n)) return '–';
  if (Math.abs(n) >= 100) return n.toFixed(0);
  if (Math.abs(n) >= 10) return n.toFixed(1);
  return n.toFixed(2);
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2) : NaN;
};

export const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

/** The API process's peak resident set so far, in MB (Linux reports maxRSS in kB). */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}
