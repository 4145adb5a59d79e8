import { BullModule } from '@nestjs/bullmq';
import { Global, Module, type DynamicModule } from '@nestjs/common';

/** BullMQ on the shared Redis. Workers start only when `startWorkers` is called (see main.ts). */
@Global()
@Module({})
export class JobsModule {
  static forRoot(redisUrl: string, prefix: string): DynamicModule {
    return {
      module: JobsModule,
      imports: [
        BullModule.forRoot({
          // BullMQ 6 takes the URL as is; workers need maxRetriesPerRequest null.
          connection: { url: redisUrl, maxRetriesPerRequest: null },
          prefix,
          defaultJobOptions: {
            attempts: 5,
            backoff: { type: 'exponential', delay: 5_000 },
            removeOnComplete: 1_000,
            removeOnFail: 5_000,
          },
          // The API process decides whether it also works the queues (RUN_WORKERS); worker.ts always does.
          extraOptions: { manualRegistration: true },
        }),
      ],
      exports: [BullModule],
    };
  }
}
