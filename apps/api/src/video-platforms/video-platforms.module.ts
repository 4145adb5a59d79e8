import { Global, Module, type DynamicModule } from '@nestjs/common';
import { localSecret, type AppConfig } from '../config/app-config.js';
import { JitsiAdapter } from './jitsi/jitsi.adapter.js';
import { VIDEO_PLATFORMS } from './video-platform.js';
import { VideoPlatforms } from './video-platforms.js';

/**
 * Every video platform adapter, as one list under VIDEO_PLATFORMS: add another platform
 * (Zoom, Teams) by adding its provider and putting it in the list.
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
        { provide: VIDEO_PLATFORMS, inject: [JitsiAdapter], useFactory: (jitsi: JitsiAdapter) => [jitsi] },
        VideoPlatforms,
      ],
      exports: [VideoPlatforms, JitsiAdapter],
    };
  }
}
