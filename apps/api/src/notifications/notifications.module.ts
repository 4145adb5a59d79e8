import { Global, Inject, Module, type DynamicModule, type OnModuleDestroy } from '@nestjs/common';
import { join } from 'node:path';
import { Clock } from '../common/clock.js';
import type { AppConfig } from '../config/app-config.js';
import { MAILER, OutboxMailer, SmtpMailer, type Mailer } from './mailer.js';

@Global()
@Module({})
export class NotificationsModule implements OnModuleDestroy {
  constructor(@Inject(MAILER) private readonly mailer: Mailer) {}

  /** Runs after the outbox has finished (it depends on the mailer), so no mail is cut off. */
  onModuleDestroy(): void {
    if (this.mailer instanceof SmtpMailer) this.mailer.close();
  }

  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: NotificationsModule,
      providers: [
        {
          provide: MAILER,
          inject: [Clock],
          useFactory: (clock: Clock) =>
            config.smtpUrl ? new SmtpMailer(config.smtpUrl, config.mailFrom) : new OutboxMailer(join(config.dataDir, 'outbox'), config.mailFrom, clock),
        },
      ],
      exports: [MAILER],
    };
  }
}
