/**
 * Run as a child process (its TZ set by the caller): reads iCalendar text on stdin and prints, for
 * each of two independent parsers, every VEVENT's UID, SEQUENCE, STATUS and start/end instants.
 */
import ICAL from 'ical.js';
import nodeIcal from 'node-ical';

const text = await new Promise<string>((resolve) => {
  let data = '';
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (c: string) => (data += c));
  process.stdin.on('end', () => resolve(data));
});

const root = new ICAL.Component(ICAL.parse(text));
for (const vtz of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(vtz);
const icaljs = root.getAllSubcomponents('vevent').map((c) => {
  const e = new ICAL.Event(c);
  return {
    uid: e.uid,
    sequence: e.sequence,
    status: c.getFirstPropertyValue('status'),
    start: e.startDate.toJSDate().toISOString(),
    end: e.endDate.toJSDate().toISOString(),
  };
});
const method = root.getFirstPropertyValue('method');

const parsed = nodeIcal.sync.parseICS(text);
const nodeical = Object.values(parsed)
  .filter((c) => c?.type === 'VEVENT')
  .map((c) => {
    const e = c as nodeIcal.VEvent;
    return { uid: e.uid, sequence: Number(e.sequence), status: e.status, start: new Date(e.start).toISOString(), end: new Date(e.end as Date).toISOString() };
  });

process.stdout.write(JSON.stringify({ tz: process.env.TZ, method, icaljs, nodeical }));
