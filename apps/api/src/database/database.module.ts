import { Global, Module, type DynamicModule, type OnApplicationShutdown, Inject } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_DATA_SOURCE } from './database.tokens.js';
import { ENTITIES } from './entities.js';
import { TenantDb } from './tenant-db.service.js';

class DataSourceCloser implements OnApplicationShutdown {
  constructor(@Inject(APP_DATA_SOURCE) private readonly dataSource: DataSource) {}
  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

@Global()
@Module({})
export class DatabaseModule {
  /** `appUrl` connects as the API role: no ownership, no BYPASSRLS. */
  static forRoot(appUrl: string, poolSize: number): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        {
          provide: APP_DATA_SOURCE,
          useFactory: async () =>
            new DataSource({
              type: 'postgres',
              url: appUrl,
              entities: ENTITIES,
              synchronize: false,
              migrationsRun: false,
              logging: false,
              extra: { max: poolSize, application_name: 'motesplats-api' },
            }).initialize(),
        },
        TenantDb,
        DataSourceCloser,
      ],
      exports: [APP_DATA_SOURCE, TenantDb],
    };
  }
}
