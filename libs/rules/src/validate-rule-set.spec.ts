import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { LAW_BASELINE } from './law-baseline.js';
import { REGIONAL_TEMPLATE } from './regional-template.js';
import type { RuleSetVersion } from './rule-set.js';
import { publishedVersion } from './testing/fixtures.js';
import { validateRuleSet } from './validate-rule-set.js';

const codesAt = (v: RuleSetVersion) => validateRuleSet(v).map((x) => `${x.code} ${x.path}`);

describe('validateRuleSet', () => {
  it('accepts the regional template, a version adopted from it, and the law baseline itself', () => {
    assert.deepEqual(validateRuleSet(REGIONAL_TEMPLATE), []);
    assert.deepEqual(validateRuleSet(publishedVersion()), []);
    assert.deepEqual(validateRuleSet({ bodyTypes: structuredClone(LAW_BASELINE) as RuleSetVersion['bodyTypes'], bodies: {} }), []);
  });

  it('refuses removing confidential from the excluded kinds', () => {
    const v = publishedVersion({ bodyTypes: { council: { excludedItemKinds: ['closed_vote', 'personnel'] } } });
    const violations = validateRuleSet(v);
    assert.deepEqual(
      violations.map((x) => `${x.code} ${x.path}`),
      ['EXCLUDED_KIND_REMOVED bodyTypes.council.excludedItemKinds'],
    );
    assert.match(violations[0]!.message.sv, /confidential/);
    assert.equal(violations[0]!.basis.kind, 'guidance');
  });

  it('refuses a political body without a physical place, but lets a company board meet without one', () => {
    const v = publishedVersion({ bodyTypes: { committee: { physicalPlaceRequired: false }, company_board: { physicalPlaceRequired: false } } });
    assert.deepEqual(codesAt(v), ['PHYSICAL_PLACE_NOT_REQUIRED bodyTypes.committee.physicalPlaceRequired']);
  });

  it('refuses lowering the presidium requirement below the law, and accepts raising it', () => {
    assert.deepEqual(codesAt(publishedVersion({ bodyTypes: { council: { presidiumOnSite: 'leader' } } })), [
      'PRESIDIUM_REQUIREMENT_LOOSENED bodyTypes.council.presidiumOnSite',
    ]);
    assert.deepEqual(codesAt(publishedVersion({ bodyTypes: { committee: { presidiumOnSite: 'none' } } })), [
      'PRESIDIUM_REQUIREMENT_LOOSENED bodyTypes.committee.presidiumOnSite',
    ]);
    assert.deepEqual(codesAt(publishedVersion({ bodyTypes: { committee: { presidiumOnSite: 'leader' } } })), []);
  });

  it('requires remote participation in council and committees to rest on a council decision', () => {
    const byBoard = publishedVersion({ decision: { reference: 'KS 2021-02-02 § 12', decidedBy: 'executive_board' } });
    const codes = codesAt(byBoard);
    assert.ok(codes.includes('REMOTE_DECISION_NOT_BY_COUNCIL bodyTypes.council.remoteParticipation.decision'));
    assert.ok(codes.includes('REMOTE_DECISION_NOT_BY_COUNCIL bodyTypes.committee.remoteParticipation.decision'));
    assert.ok(codes.includes('REMOTE_DECISION_NOT_BY_COUNCIL bodyTypes.executive_board.remoteParticipation.decision'));
    // The sub-committee's parent and the company's members decide there; not the council.
    assert.ok(!codes.some((c) => c.includes('sub_committee') || c.includes('company_board')));
    const noReference = publishedVersion({ decision: { reference: ' ', decidedBy: 'council' } });
    assert.ok(codesAt(noReference).includes('DECISION_REFERENCE_MISSING decision.reference'));
    assert.ok(codesAt(noReference).includes('REMOTE_DECISION_MISSING bodyTypes.council.remoteParticipation.decision'));
  });

  it('keeps the company-board rules of the Companies Act', () => {
    const v = publishedVersion({
      bodyTypes: { company_board: { companyBoard: { quorumMoreThanShare: 0.4, consentOfAllMembersRequired: false, documentsToAllRequired: false } } },
    });
    assert.deepEqual(codesAt(v).sort(), [
      'COMPANY_BOARD_CONSENT_NOT_REQUIRED bodyTypes.company_board.companyBoard.consentOfAllMembersRequired',
      'COMPANY_BOARD_DOCUMENTS_NOT_REQUIRED bodyTypes.company_board.companyBoard.documentsToAllRequired',
      'COMPANY_BOARD_QUORUM_LOOSENED bodyTypes.company_board.companyBoard.quorumMoreThanShare',
    ]);
    assert.deepEqual(codesAt(publishedVersion({ bodyTypes: { company_board: { companyBoard: { quorumMoreThanShare: 2 / 3 } } } })), []);
  });

  it('checks body overrides on their own path, without repeating the type-level violations', () => {
    const v = publishedVersion({
      bodyTypes: { council: { physicalPlaceRequired: false } },
      bodies: { 'kf-timra': { bodyType: 'council', rules: { excludedItemKinds: ['closed_vote'] } } },
    });
    assert.deepEqual(codesAt(v), [
      'PHYSICAL_PLACE_NOT_REQUIRED bodyTypes.council.physicalPlaceRequired',
      'EXCLUDED_KIND_REMOVED bodies.kf-timra.excludedItemKinds',
    ]);
  });

  it('reports unknown platforms and malformed values', () => {
    const v = publishedVersion({
      bodyTypes: {
        council: { approvedPlatforms: ['teams', 'webex'], maxRemoteParticipants: -1, requiredSupport: [{ role: 'it_support', count: 1.5 }] },
        committee: { equalTerms: 'everyone_waves' as never, breakoutRooms: { minutesBefore: -5 } },
      },
    });
    assert.deepEqual(codesAt(v), [
      'INVALID_VALUE bodyTypes.council.maxRemoteParticipants',
      'UNKNOWN_PLATFORM bodyTypes.council.approvedPlatforms',
      'INVALID_VALUE bodyTypes.council.requiredSupport.0.count',
      'INVALID_VALUE bodyTypes.committee.equalTerms',
      'INVALID_VALUE bodyTypes.committee.breakoutRooms.minutesBefore',
    ]);
    assert.ok(codesAt({ ...publishedVersion(), effectiveFrom: '2021-13-01' }).includes('INVALID_VALUE effectiveFrom'));
  });
});
