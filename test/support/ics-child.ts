import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface ParsedEvent {
  uid: string;
  sequence: number;
  status: string | undefined;
  start: string;
  end: string;
}
export interface ParsedCalendar {
  tz: string;
  method: string | null;
  icaljs: ParsedEvent[];
  nodeical: ParsedEvent[];
}

const script = fileURLToPath(new URL('./parse-ics.js', import.meta.url));

/** Parses iCalendar text with ical.js and node-ical in a child process whose local zone is `tz`. */
export function parseIn(tz: string, ics: string): ParsedCalendar {
  const run = spawnSync(process.execPath, [script], { input: ics, env: { ...process.env, TZ: tz }, encoding: 'utf8', timeout: 30_000 });
  if (run.status !== 0) throw new Error(`parse-ics failed (${tz}): ${run.stderr}`);
  return JSON.parse(run.stdout) as ParsedCalendar;
}

/** Parsing zones unlike Stockholm's: a parser that reads a zoned time as local time shows it here. */
export const FOREIGN_ZONES = ['UTC', 'America/New_York'];
