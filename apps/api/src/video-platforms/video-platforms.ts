import { Inject, Injectable } from '@nestjs/common';
import { VIDEO_PLATFORMS, type PlatformKey, type VideoPlatformAdapter } from './video-platform.js';

/** Platform catalog keys (libs/rules) → the adapters that can drive them. */
const CATALOG_TO_ADAPTER: Record<string, PlatformKey> = { jitsi_meet: 'jitsi', zoom: 'zoom', teams: 'teams' };

/** The registered adapters by platform key; a municipality's settings name the one it uses. */
@Injectable()
export class VideoPlatforms {
  constructor(@Inject(VIDEO_PLATFORMS) private readonly adapters: VideoPlatformAdapter[]) {}

  /**
   * The adapter for a meeting: the platform its rules approved for it (a catalog key on the
   * meeting) when Mötesplats can drive that platform, otherwise the municipality's default.
   * Platforms run outside Mötesplats (Teams, Lifesize…) still get their party-group rooms on the
   * default platform, so members always have a room inside the window.
   */
  choose(meetingPlatformKey: string | null, municipalityDefault: PlatformKey): PlatformKey {
    const wanted = meetingPlatformKey ? CATALOG_TO_ADAPTER[meetingPlatformKey] : undefined;
    return wanted && this.adapters.some((a) => a.platform === wanted) ? wanted : municipalityDefault;
  }

  get(platform: PlatformKey): VideoPlatformAdapter {
    const adapter = this.adapters.find((a) => a.platform === platform);
    if (!adapter) throw new Error(`No video platform adapter is registered for "${platform}"`);
    return adapter;
  }
}
