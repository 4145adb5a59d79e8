import { describe, it } from '@jest/globals';
import assert from 'node:assert/strict';
import type { VideoPlatformAdapter } from './video-platform.js';
import { VideoPlatforms } from './video-platforms.js';

const adapter = (platform: 'jitsi' | 'zoom') => ({ platform }) as VideoPlatformAdapter;

describe('choosing the video platform for a meeting', () => {
  it("uses the platform the meeting's rules approved when Mötesplats can drive it", () => {
    const platforms = new VideoPlatforms([adapter('jitsi'), adapter('zoom')]);
    assert.equal(platforms.choose('zoom', 'jitsi'), 'zoom');
    assert.equal(platforms.choose('jitsi_meet', 'zoom'), 'jitsi');
  });

  it("falls back to the municipality's default for platforms run outside Mötesplats or not configured", () => {
    const platforms = new VideoPlatforms([adapter('jitsi')]);
    assert.equal(platforms.choose('zoom', 'jitsi'), 'jitsi', 'Zoom is not configured here');
    assert.equal(platforms.choose('lifesize', 'jitsi'), 'jitsi');
    assert.equal(platforms.choose(null, 'jitsi'), 'jitsi');
  });
});
