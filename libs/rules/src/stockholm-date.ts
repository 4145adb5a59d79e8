/**
 * Calendar dates in the meetings' time zone.
 *
 * Which rule version is in force, and whether a training completion is still valid, is
 * decided by the Stockholm calendar date a meeting is held on. A fixed +01:00 offset would
 * put a meeting at 00:30 on a summer-time night on the wrong day, so the date comes from
 * the IANA zone through Intl.
 */

export const MEETING_TIME_ZONE = 'Europe/Stockholm';

/** An instant: a `Date`, or an ISO 8601 string that names its offset (`Z` or `+01:00`). */
export type Instant = string | Date;

/** A calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

// Built once: constructing Intl formatters is far slower than using them.
const stockholmFormatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: MEETING_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// A string without an offset would be read in the server's local zone; refuse it instead.
const ISO_INSTANT_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Milliseconds since the epoch, or null when the value is not an instant with a zone. */
export function parseInstant(value: unknown): number | null {
  if (value instanceof Date) {
    const ms = value.getTime();
    return Number.isFinite(ms) ? ms : null;
  }
  if (typeof value !== 'string' || !ISO_INSTANT_WITH_ZONE.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
}

/** The Stockholm calendar date of an instant, or null when it cannot be read. */
export function stockholmDate(instant: unknown): IsoDate | null {
  const ms = parseInstant(instant);
  if (ms === null) return null;
  const parts = stockholmFormatter.formatToParts(ms);
  let year = '';
  let month = '';
  let day = '';
  for (const part of parts) {
    if (part.type === 'year') year = part.value;
    else if (part.type === 'month') month = part.value;
    else if (part.type === 'day') day = part.value;
  }
  return `${year}-${month}-${day}`;
}

/** True for a real calendar date written `YYYY-MM-DD` (so 2021-02-30 is refused). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.getUTCFullYear() === Number(y) && date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d);
}

/** The calendar date `days` after (or before, when negative) `date`. */
export function addDays(date: IsoDate, days: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Converts an instant to a canonical UTC ISO string (for plain-data output). */
export function toIsoString(ms: number): string {
  return new Date(ms).toISOString();
}
