/**
 * The association's recommended rule set, following the Fyrbodal study: remote participation
 * after a council decision, never on confidential items or closed votes; the presidium in the
 * room; municipal accounts for sign-in; platforms with EU/Swedish hosting; training before
 * taking part remotely; a dedicated support person for chair and secretary at the council
 * (the study: "främst vid KF"); party-group rooms around convened meetings (Timrå).
 * Municipalities adopt it with adoptTemplate and override parts.
 */
import type { BodyRules, BodyType, RuleSetTemplate } from './rule-set.js';

const partyGroupRooms = {
  enabled: true,
  minutesBefore: 30,
  duringRecesses: true,
  minutesAfter: 15,
  partyGroups: 'with_council_seats',
  invite: 'members_and_deputies_of_body',
} as const;

function political(type: BodyType): BodyRules {
  return {
    remoteParticipation: { allowed: true, decision: null },
    excludedItemKinds: ['confidential', 'closed_vote'],
    equalTerms: 'all_can_see_all',
    maxRemoteParticipants: null,
    presidiumOnSite: 'presidium',
    physicalPlaceRequired: true,
    approvedPlatforms: ['jitsi_meet', 'teams', 'inera_digitala_moten'],
    dataResidency: 'EU',
    identityCheck: 'municipal_account',
    requiredTraining: [{ moduleKey: 'remote-participation-basics', roles: null }],
    requiredSupport:
      type === 'council'
        ? [
            { role: 'meeting_support', count: 1 },
            { role: 'it_support', count: 1 },
          ]
        : [{ role: 'it_support', count: 1 }],
    breakoutRooms: { ...partyGroupRooms },
  };
}

export const REGIONAL_TEMPLATE: RuleSetTemplate = {
  id: 'fyrbodal-2021',
  name: 'Fyrbodals rekommenderade regler för deltagande på distans',
  region: 'Fyrbodal',
  bodyTypes: {
    council: political('council'),
    executive_board: political('executive_board'),
    committee: political('committee'),
    sub_committee: political('sub_committee'),
    company_board: {
      ...political('company_board'),
      // A board may meet entirely remotely when every member agrees, so there is no room to be in.
      presidiumOnSite: 'none',
      physicalPlaceRequired: false,
      companyBoard: { consentOfAllMembersRequired: true, quorumMoreThanShare: 0.5, documentsToAllRequired: true },
      breakoutRooms: { ...partyGroupRooms, enabled: false },
    },
  },
  bodies: {},
};
