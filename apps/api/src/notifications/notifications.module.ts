import { Global, Module, type DynamicModule } from '@nestjs/common';
import { join } from 'node:path';
import type { AppConfig } from '../config/app-config.js';
import { MAILER, OutboxMailer, SmtpMailer } from './mailer.js';

@Global()
@Module({})
export class NotificationsModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: NotificationsModule,
      providers: [
        {
          provide: MAILER,
          useFactory: () =>
            config.smtpUrl ? new SmtpMailer(config.smtpUrl, config.mailFrom) : new OutboxMailer(join(config.dataDir, 'outbox'), config.mailFrom),
        },
      ],
      exports: [MAILER],
    };
  }
}
