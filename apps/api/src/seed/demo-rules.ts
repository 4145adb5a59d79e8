import { adoptTemplate, REGIONAL_TEMPLATE, type BodyRulesOverride, type BodyType } from '@motesplats/rules';

/** The regional template as the association published it, before the municipalities adopted it. */
export const DEMO_TEMPLATE = { key: REGIONAL_TEMPLATE.id, version: 1, publishedAt: '2020-04-01T08:00:00Z', publishedBy: 'Fyrbodals kommunalförbund' };

/**
 * The council decision a demo municipality adopted the template with: each its own, numbered
 * from its municipality code, so no municipality's rules cite another's decision.
 */
export const demoDecision = (code: string) => ({
  reference: `KF 2020-04-20 § ${(Number(code) % 100) + 10}`,
  decidedBy: 'council' as const,
  decidedOn: '2020-04-20',
});

const NO_REMOTE = { remoteParticipation: { allowed: false, decision: null } };

/**
 * Where demo municipalities depart from the template, so that the comparison and the
 * compliance panels have something to show: Trollhättan is stricter (e-ID, a small cap, all
 * always see all, personnel matters and elections never remote, Swedish hosting); Bengtsfors
 * allows remote participation in the council only, not in its nämnder.
 */
const OVERRIDES: Record<string, Partial<Record<BodyType, BodyRulesOverride>>> = {
  trollhattan: {
    council: {
      identityCheck: 'e_id',
      maxRemoteParticipants: 10,
      equalTerms: 'all_always_see_all',
      excludedItemKinds: ['confidential', 'closed_vote', 'personnel', 'election'],
      approvedPlatforms: ['inera_digitala_moten', 'jitsi_meet'],
      dataResidency: 'SE',
    },
    executive_board: { identityCheck: 'e_id', excludedItemKinds: ['confidential', 'closed_vote', 'personnel'], dataResidency: 'SE' },
    committee: { identityCheck: 'e_id', excludedItemKinds: ['confidential', 'closed_vote', 'personnel'], dataResidency: 'SE' },
  },
  bengtsfors: { executive_board: NO_REMOTE, committee: NO_REMOTE, sub_committee: NO_REMOTE },
  // Västernorrland: Örnsköldsvik equips council, boards and party groups (Zoom among them);
  // Ånge runs its meetings in Teams only.
  ornskoldsvik: { council: { approvedPlatforms: ['zoom', 'teams'] }, executive_board: { approvedPlatforms: ['zoom', 'teams'] } },
  ange: { council: { approvedPlatforms: ['teams'] }, executive_board: { approvedPlatforms: ['teams'] }, committee: { approvedPlatforms: ['teams'] } },
};

/** The published rule-set version a demo municipality adopted from the template. */
export function demoRuleSet(slug: string, code: string, tenantId: string, templateId: string) {
  const decision = demoDecision(code);
  const adopted = adoptTemplate(
    { ...REGIONAL_TEMPLATE, id: templateId },
    { municipalityId: tenantId, version: 1, decision, effectiveFrom: '2020-05-01', bodyTypes: OVERRIDES[slug] },
  );
  return {
    version: 1,
    status: 'published',
    decision_reference: decision.reference,
    decided_by: decision.decidedBy,
    decided_on: decision.decidedOn,
    effective_from: adopted.effectiveFrom,
    published_at: '2020-04-21T08:00:00Z',
    published_by: 'Kommunledningskontoret',
    template_id: templateId,
    content: { bodyTypes: adopted.bodyTypes, bodies: adopted.bodies },
  };
}

/** Municipalities whose social committee has not (yet) allowed its sub-committee to meet remotely. */
export const SUB_COMMITTEE_WITHOUT_DECISION = new Set(['dals-ed', 'bengtsfors']);
