type Row = Record<string, unknown>;
type IdOf = (key: string) => string;

const WEEKDAYS = [1, 2, 3, 4, 5];
const slots = (days: number[], from: string, to: string) => days.map((weekday) => ({ weekday, from, to }));

/** Names for demo staff: none of them is an elected member. */
const STAFF_NAMES = [
  ['Annika Lund', 'Karin Holm', 'Jonas Berg', 'Sara Ek'],
  ['Per Nyström', 'Maria Dahl', 'Erik Sjöberg', 'Lena Åberg'],
];

/**
 * Each municipality's support register: the person behind the demo user `support.<slug>`
 * (meeting and IT support, evenings included), an IT technician, a secretary who can also give
 * meeting support, and an AV technician for web broadcasts. Every other municipality uses the
 * region's pool. The council's next meeting has its meeting support assigned and accepted, and
 * its IT support left open in every third municipality, so the gap list has something to show.
 */
export function demoSupport(tenantId: string, index: number, slug: string, data: Record<string, Row[]>, id: IdOf): Record<string, Row[]> {
  const t = { tenant_id: tenantId };
  const names = STAFF_NAMES[index % 2]!;
  const person = (key: string, name: string, title: string, skills: string[], weekly: object[], account: string | null = null): Row => ({
    ...t,
    id: id(`support-staff:${key}`),
    name,
    title,
    email: `${key}@${slug}.example`,
    phone: null,
    account,
    skills,
    weekly: JSON.stringify(weekly),
    active: true,
  });
  const staff = [
    person('motessupport', names[0]!, 'Mötessupport', ['meeting_support', 'it_support'], slots(WEEKDAYS, '07:00', '23:30'), `support.${slug}`),
    person('it', names[1]!, 'IT-tekniker', ['it_support'], [...slots(WEEKDAYS, '08:00', '17:00'), ...slots([2, 4], '17:00', '23:00')]),
    person('sekreterare', names[2]!, 'Nämndsekreterare', ['secretary', 'meeting_support'], slots(WEEKDAYS, '08:00', '20:00')),
    person('av', names[3]!, 'AV-tekniker, webbsändning', ['av_broadcast', 'it_support'], slots([1, 2, 3, 4], '15:00', '23:30')),
  ];
  const council = (data.body as Row[]).find((b) => b.kind === 'council')!;
  const nextKf = (data.meeting as Row[]).find((m) => m.body_id === council.id && m.status === 'convened');
  const assignments: Row[] = [];
  if (nextKf) {
    const assign = (key: string, role: string, staffRow: Row, status: string) =>
      assignments.push({
        ...t,
        id: id(`support-assignment:${key}`),
        meeting_id: nextKf.id,
        role,
        staff_id: staffRow.id,
        status,
        assigned_by: 'demo',
        responded_at: status === 'accepted' ? new Date() : null,
      });
    assign('kf-meeting-support', 'meeting_support', staff[0]!, 'accepted');
    if (index % 3 !== 0) assign('kf-it-support', 'it_support', staff[3]!, 'assigned');
  }
  return {
    support_settings: [{ ...t, uses_regional_pool: index % 2 === 0, minutes_before: 30, minutes_after: 15 }],
    support_staff: staff,
    support_assignment: assignments,
  };
}

/** The region's shared pool: people any opted-in municipality of Fyrbodal can schedule. */
export function demoSupportPool(regionId: string, id: IdOf): Row[] {
  const pooled = (key: string, name: string, title: string, skills: string[], weekly: object[]): Row => ({
    region_id: regionId,
    id: id(`regional-support-staff:${key}`),
    name,
    title,
    email: `${key}@fyrbodal.example`,
    phone: null,
    account: null,
    skills,
    weekly: JSON.stringify(weekly),
    active: true,
  });
  return [
    pooled('pool-it-1', 'Oskar Wikström', 'Regional IT-support', ['it_support'], slots([1, 2, 3, 4, 5, 6], '07:00', '23:30')),
    pooled('pool-mote-1', 'Helena Forsberg', 'Regionalt mötesstöd', ['meeting_support', 'it_support'], slots(WEEKDAYS, '12:00', '23:30')),
    pooled('pool-av-1', 'Mikael Strand', 'Regional AV-tekniker', ['av_broadcast', 'it_support'], slots([1, 2, 3, 4], '16:00', '23:30')),
  ];
}
