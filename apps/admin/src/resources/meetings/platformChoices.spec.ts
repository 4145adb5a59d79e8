import { describe, expect, it } from '@jest/globals';
import { platformChoices } from './platformChoices';

const catalog = [
    { key: 'teams', name: 'Microsoft Teams' },
    { key: 'zoom', name: 'Zoom' },
    { key: 'jitsi_meet', name: 'Jitsi Meet' },
];

describe('platformChoices', () => {
    it("offers only what the body's rules approve and preselects the municipality's own platform", () => {
        expect(platformChoices(catalog, ['teams', 'jitsi_meet'], 'jitsi')).toEqual({
            choices: [
                { id: 'teams', name: 'Microsoft Teams' },
                { id: 'jitsi_meet', name: 'Jitsi Meet' },
            ],
            preselect: 'jitsi_meet',
        });
    });
    it('preselects the only approved platform, and nothing when the choice is open', () => {
        expect(platformChoices(catalog, ['teams'], 'jitsi').preselect).toBe('teams');
        expect(platformChoices(catalog, ['teams', 'zoom'], 'jitsi').preselect).toBeNull();
        expect(platformChoices(catalog, null, 'zoom')).toMatchObject({ preselect: 'zoom' });
        expect(platformChoices(catalog, [], 'zoom')).toEqual({ choices: [], preselect: null });
    });
});
