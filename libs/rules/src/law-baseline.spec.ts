import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { applyLawFloor, LAW_BASELINE } from './law-baseline.js';
import { REGIONAL_TEMPLATE } from './regional-template.js';

describe('LAW_BASELINE', () => {
  it('allows no remote participation in political bodies, and leaves company boards to their members', () => {
    for (const type of ['council', 'executive_board', 'committee', 'sub_committee'] as const) {
      assert.equal(LAW_BASELINE[type].remoteParticipation.allowed, false, type);
      assert.equal(LAW_BASELINE[type].physicalPlaceRequired, true, type);
    }
    assert.equal(LAW_BASELINE.company_board.remoteParticipation.allowed, true);
    assert.equal(LAW_BASELINE.company_board.companyBoard?.consentOfAllMembersRequired, true);
    assert.equal(LAW_BASELINE.council.presidiumOnSite, 'presidium');
    assert.equal(LAW_BASELINE.committee.presidiumOnSite, 'leader');
  });

  it('always excludes confidential items and closed votes', () => {
    for (const rules of Object.values(LAW_BASELINE)) assert.deepEqual(rules.excludedItemKinds, ['confidential', 'closed_vote']);
  });

  it('cannot be changed at runtime', () => {
    assert.throws(() => {
      (LAW_BASELINE.council.excludedItemKinds as string[]).push('x');
    });
  });
});

describe('applyLawFloor', () => {
  it('puts back what a rule set took away, keeping what it added', () => {
    const loose = { ...REGIONAL_TEMPLATE.bodyTypes.council, excludedItemKinds: ['personnel'], physicalPlaceRequired: false, presidiumOnSite: 'none' as const };
    const floored = applyLawFloor(loose, 'council');
    assert.deepEqual([...floored.excludedItemKinds].sort(), ['closed_vote', 'confidential', 'personnel']);
    assert.equal(floored.physicalPlaceRequired, true);
    assert.equal(floored.presidiumOnSite, 'presidium');
    assert.equal(floored.identityCheck, 'municipal_account');
  });

  it('raises a company board quorum share below the Act, and keeps one above it', () => {
    const board = REGIONAL_TEMPLATE.bodyTypes.company_board;
    assert.equal(
      applyLawFloor({ ...board, companyBoard: { ...board.companyBoard!, quorumMoreThanShare: 0.3 } }, 'company_board').companyBoard?.quorumMoreThanShare,
      0.5,
    );
    assert.equal(
      applyLawFloor({ ...board, companyBoard: { ...board.companyBoard!, quorumMoreThanShare: 0.75 } }, 'company_board').companyBoard?.quorumMoreThanShare,
      0.75,
    );
  });
});
