import { addDays, type IsoDate } from '@motesplats/rules';

/** Coverage calls a completion "expiring" when it runs out within this many days; reminders go out then. */
export const EXPIRING_WITHIN_DAYS = 30;

/**
 * The last day (inclusive) a completion is valid: a completion on 15 March with 12 months'
 * validity expires on 15 March the year after, so it is valid through 14 March. Months keep
 * their day where they can; 31 January + 1 month expires on the last day of February.
 * No validity means the completion never expires (null).
 */
export function validUntil(completedOn: IsoDate, validityMonths: number | null): IsoDate | null {
  if (validityMonths === null) return null;
  return addDays(addMonths(completedOn, validityMonths), -1);
}

export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}
