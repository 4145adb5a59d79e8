import { Global, Module, type DynamicModule } from '@nestjs/common';
import { localSecret, type AppConfig } from '../config/app-config.js';
import { JitsiAdapter } from './jitsi/jitsi.adapter.js';
import { zoomAdapterFor } from './zoom/zoom-adapter.js';
import { VIDEO_PLATFORMS } from './video-platform.js';
import { VideoPlatforms } from './video-platforms.js';

/**
 * Every video platform adapter, as one list under VIDEO_PLATFORMS: add another platform
 * (Teams) by adding its provider and putting it in the list.
 */
@Global()
@Module({})
export class VideoPlatformsModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: VideoPlatformsModule,
      providers: [
        {
          provide: JitsiAdapter,
          useFactory: () => new JitsiAdapter({ ...config.jitsi, appSecret: config.jitsi.appSecret ?? localSecret(config.dataDir, 'jitsi-app-secret') }),
        },
        // Zoom joins the list when its Server-to-Server OAuth app is configured (ZOOM_* settings).
        {
          provide: VIDEO_PLATFORMS,
          inject: [JitsiAdapter],
          useFactory: (jitsi: JitsiAdapter) => [jitsi, zoomAdapterFor(config.zoom)].filter((a) => a !== undefined),
        },
        VideoPlatforms,
      ],
      exports: [VideoPlatforms, JitsiAdapter],
    };
  }
}
