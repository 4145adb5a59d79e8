import { describe, expect, it } from '@jest/globals';
import type { RuleContent } from './api';
import { overrideOf, rulesOfBody, withBodyRules } from './bodyOverride';

const committee = { remoteAllowed: true, identityCheck: 'municipal_account', maxRemoteParticipants: 5 };
const content = {
    bodyTypes: { committee } as unknown as RuleContent['bodyTypes'],
    bodies: {},
} as RuleContent;
const sn = { id: 'sn', name: 'Socialnämnden', bodyType: 'committee' as const };

describe("a body's own rules", () => {
    it('keeps only what differs from its type, and removes the override when nothing does', () => {
        const stricter = withBodyRules(content, sn, { ...committee, identityCheck: 'e_id' });
        expect(stricter.bodies).toEqual({
            sn: { bodyType: 'committee', name: 'Socialnämnden', rules: { identityCheck: 'e_id' } },
        });
        expect(rulesOfBody(stricter, 'sn', 'committee')).toEqual({ ...committee, identityCheck: 'e_id' });
        expect(withBodyRules(stricter, sn, committee).bodies).toEqual({});
    });
    it('ignores rules written for another body type', () => {
        const stale = { ...content, bodies: { sn: { bodyType: 'council', rules: { identityCheck: 'e_id' } } } };
        expect(rulesOfBody(stale as RuleContent, 'sn', 'committee')).toEqual(committee);
        expect(overrideOf(committee, committee)).toEqual({});
    });
});
