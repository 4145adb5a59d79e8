import { Inject, Injectable } from '@nestjs/common';
import { VIDEO_PLATFORMS, type PlatformKey, type VideoPlatformAdapter } from './video-platform.js';

/** The registered adapters by platform key; a municipality's settings name the one it uses. */
@Injectable()
export class VideoPlatforms {
  constructor(@Inject(VIDEO_PLATFORMS) private readonly adapters: VideoPlatformAdapter[]) {}

  get(platform: PlatformKey): VideoPlatformAdapter {
    const adapter = this.adapters.find((a) => a.platform === platform);
    if (!adapter) throw new Error(`No video platform adapter is registered for "${platform}"`);
    return adapter;
  }
}
