import { addDays, localDate, localTime } from '@motesplats/rules';

type Row = Record<string, unknown>;
type IdOf = (key: string) => string;

const CATEGORIES = ['audio', 'video', 'connection', 'sign_in', 'documents', 'voting', 'other'];
const RESOLUTIONS: Record<string, string> = {
  audio: 'Headset byttes; ordföranden upprepade frågan',
  video: 'Kameran startades om; mötet ajournerades kort',
  connection: 'Ledamoten anslöt på nytt via mobilnätet',
  sign_in: 'Supporten lotsade in ledamoten med e-legitimation',
  documents: 'Handlingarna mejlades på nytt',
  voting: 'Omröstningen gjordes om med namnupprop',
  other: 'Löst på plats',
};
const WORKED = ['Tydlig kallelse med länk', 'Supporten fanns i rummet från start', 'Testsamtal dagen innan', 'Ordföranden fördelade ordet växelvis'];
const LESSONS = ['Testa ljudet före upprop', 'Skicka handlingar i god tid', 'Ha en reserv för omröstningar', 'Påminn om kamera på hela tiden'];

/** Deterministic 0..1 from a few integers: the demo is the same on every machine. */
function unit(...parts: number[]): number {
  let h = 2166136261;
  for (const p of parts) h = Math.imul(h ^ (p + 0x9e3779b9), 16777619) >>> 0;
  return (h % 10007) / 10007;
}

/**
 * Experience for the demo: the office's contact address for reminders, a report still asked
 * for after the last council meeting and, with `history`, a year of ended committee and
 * board meetings with attendance, reports and incidents, so the comparison has figures.
 */
export function demoExperience(
  tenantId: string,
  mi: number,
  slug: string,
  data: Record<string, Row[]>,
  now: Date,
  history: boolean,
  id: IdOf,
): Record<string, Row[]> {
  const t = { tenant_id: tenantId };
  const out: Record<string, Row[]> = {
    municipality_region_settings: [{ ...t, contact_email: `kansliet@${slug}.example`, updated_by: 'demo' }],
    meeting: [],
    attendance: [],
    experience_report: [],
    experience_incident: [],
  };
  const pastKf = data.meeting!.find((m) => m.id === id('meeting:kf-past'));
  if (pastKf) {
    const att = data.attendance!.filter((a) => a.meeting_id === pastKf.id);
    out.experience_report!.push({
      ...t,
      id: id('report:kf-past'),
      meeting_id: pastKf.id,
      status: 'requested',
      requested_at: now,
      due_on: addDays(localDate(now), 3),
      platform_key: pastKf.platform_key,
      on_site_count: att.filter((a) => a.mode === 'on_site').length,
      remote_count: att.filter((a) => a.mode === 'remote').length,
      submitted_at: null,
      submitted_by: null,
      support_sufficient: null,
      what_worked: '',
      lessons: '',
      rating: null,
    });
  }
  if (!history) return out;
  const bodies = data.body!.filter((b) => ['executive_board', 'committee', 'company_board'].includes(b.kind as string));
  const seats = (bodyId: unknown) => data.body_membership!.filter((s) => s.body_id === bodyId && s.role !== 'deputy');
  for (let week = 2; week < 52; week += 4) {
    for (const [bi, body] of bodies.entries()) {
      if (unit(mi, week, bi) < 0.35) continue;
      const day = new Date(now.getTime() - (week * 7 + bi) * 86_400_000);
      const [y, mo, d] = localDate(day).split('-').map(Number) as [number, number, number];
      const key = `hist:${week}:${bi}`;
      const meeting = {
        ...t,
        id: id(`meeting:${key}`),
        body_id: body.id,
        title: `${body.name}`,
        starts_at: localTime(y, mo, d, 13),
        ends_at: localTime(y, mo, d, 15, 30),
        place: 'Kommunhuset',
        status: 'ended',
        platform_key: unit(mi, week, bi, 1) < 0.7 ? 'teams' : 'jitsi_meet',
      };
      out.meeting!.push(meeting);
      // How remote a municipality is differs: some barely, some half the room.
      const remoteShare = 0.05 + 0.5 * unit(mi, 7);
      let remote = 0;
      let onSite = 0;
      for (const [si, s] of seats(body.id).entries()) {
        const r = unit(mi, week, bi, si);
        const mode = r < 0.06 ? 'absent' : r < 0.06 + remoteShare ? 'remote' : 'on_site';
        if (mode === 'remote') remote++;
        if (mode === 'on_site') onSite++;
        out.attendance!.push({
          ...t,
          id: id(`att:${key}:${s.member_id}`),
          meeting_id: meeting.id,
          member_id: s.member_id,
          mode,
          joined_at: mode === 'absent' ? null : meeting.starts_at,
          left_at: mode === 'absent' ? null : meeting.ends_at,
          consents_to_remote: false,
          documents_delivered: false,
        });
      }
      if (remote === 0 || unit(mi, week, bi, 2) < 0.15) continue;
      const reportId = id(`report:${key}`);
      const rating = 1 + Math.floor(unit(mi, week, bi, 3) * 5);
      out.experience_report!.push({
        ...t,
        id: reportId,
        meeting_id: meeting.id,
        status: 'submitted',
        requested_at: meeting.ends_at,
        due_on: localDate(new Date((meeting.ends_at as Date).getTime() + 7 * 86_400_000)),
        submitted_at: meeting.ends_at,
        submitted_by: 'demo',
        platform_key: meeting.platform_key,
        on_site_count: onSite,
        remote_count: remote,
        support_sufficient: rating >= 3,
        what_worked: WORKED[(mi + week) % WORKED.length],
        lessons: LESSONS[(mi + bi + week) % LESSONS.length],
        rating,
      });
      const incidents = Math.floor(unit(mi, week, bi, 4) * 3.2);
      for (let k = 0; k < incidents; k++) {
        const category = CATEGORIES[Math.floor(unit(mi, week, bi, k, 5) * CATEGORIES.length)]!;
        out.experience_incident!.push({
          ...t,
          id: id(`incident:${key}:${k}`),
          report_id: reportId,
          category,
          minutes_lost: 1 + Math.floor(unit(mi, week, bi, k, 6) * 15),
          affected_count: 1 + Math.floor(unit(mi, week, bi, k, 7) * 4),
          resolution: RESOLUTIONS[category],
        });
      }
    }
  }
  return out;
}
