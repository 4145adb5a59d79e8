import { addDays, localDate, localTime } from '@motesplats/rules';
import { addMonths, validUntil } from '../training/validity.js';

type Row = Record<string, unknown>;
type IdOf = (key: string) => string;

/** Keys the regional rule template and the demo use; rule sets name required modules by them. */
export const DEMO_MODULES = [
  {
    key: 'remote-participation-basics',
    title: 'Delta på distans – grunder',
    description: 'Så ansluter du till sammanträdet, begär ordet, röstar och gör om anslutningen bryts. Kamera på hela tiden, ingen obehörig i rummet.',
    audience: ['member', 'chair'],
    kind: 'e_learning',
    url: 'https://utbildning.fyrbodal.example/delta-pa-distans',
    validity_months: 24,
    requirable: true,
  },
  {
    key: 'lead-hybrid-meeting',
    title: 'Leda ett hybridmöte',
    description:
      'För ordförande och sekreterare: se och höra alla på lika villkor, fördela ordet mellan rummet och distans, hantera ärenden som inte får handläggas på distans.',
    audience: ['chair', 'secretary'],
    kind: 'practice_session',
    url: null,
    validity_months: 24,
    requirable: true,
  },
  {
    key: 'secretary-checklist',
    title: 'Sekreterarens checklista',
    description: 'Före, under och efter ett sammanträde med deltagare på distans: kallelse med länk, upprop, närvaro per ärende, protokoll.',
    audience: ['secretary', 'support_staff'],
    kind: 'instruction',
    url: 'https://utbildning.fyrbodal.example/sekreterarens-checklista.pdf',
    validity_months: null,
    requirable: false,
  },
] as const;

export function demoTrainingModules(regionId: string, now: Date, id: IdOf): Row[] {
  return DEMO_MODULES.map((m) => ({ region_id: regionId, id: id(`training-module:${m.key}`), ...m, audience: [...m.audience], published_at: now }));
}

/**
 * Completions for the demo members, so coverage has something to show: of every six seated
 * members one never did the basics, one has it expired, one has it expiring within two weeks
 * and three are trained. Every other chair has led a practice hybrid meeting. One practice
 * session ahead invites the chairs.
 */
export function demoTraining(tenantId: string, data: Record<string, Row[]>, now: Date, id: IdOf): Record<string, Row[]> {
  const t = { tenant_id: tenantId };
  const today = localDate(now);
  const seated = [...new Set(data.body_membership!.map((s) => s.member_id as string))];
  const completions: Row[] = [];
  const complete = (memberId: string, key: string, completedOn: string) => {
    const months = DEMO_MODULES.find((m) => m.key === key)!.validity_months;
    completions.push({
      ...t,
      id: id(`completion:${memberId}:${key}:${completedOn}`),
      member_id: memberId,
      module_key: key,
      completed_on: completedOn,
      valid_until: validUntil(completedOn, months),
      source: 'recorded',
      recorded_by: 'Kansliet',
    });
  };
  const twoYearsAgo = addMonths(today, -24);
  seated.forEach((memberId, i) => {
    switch (i % 6) {
      case 0:
        return;
      case 1:
        return complete(memberId, 'remote-participation-basics', addDays(twoYearsAgo, -40));
      case 2:
        return complete(memberId, 'remote-participation-basics', addDays(twoYearsAgo, 12));
      default:
        return complete(memberId, 'remote-participation-basics', addDays(today, -60 - (i % 200)));
    }
  });
  const chairs = data.body_membership!.filter((s) => s.role === 'chair').map((s) => s.member_id as string);
  chairs.forEach((memberId, i) => i % 2 === 0 && complete(memberId, 'lead-hybrid-meeting', addDays(today, -100 - i)));

  const [y, m, d] = addDays(today, 5).split('-').map(Number) as [number, number, number];
  const session = {
    ...t,
    id: id('practice-session:next'),
    module_key: 'lead-hybrid-meeting',
    title: 'Övningssammanträde: leda ett hybridmöte',
    starts_at: localTime(y, m, d, 17, 0),
    ends_at: localTime(y, m, d, 19, 0),
    place: 'Kommunhuset, övningsrummet',
  };
  const invitees = [...new Set(chairs)].map((memberId) => ({
    ...t,
    id: id(`practice-invitee:${memberId}`),
    session_id: session.id,
    member_id: memberId,
    attended_at: null,
  }));
  return { practice_session: [session], practice_session_invitee: invitees, training_completion: completions };
}
