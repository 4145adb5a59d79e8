import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { MercuriusDriver, type MercuriusDriverConfig } from '@nestjs/mercurius';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthGuard } from './auth/auth.guard.js';
import { AuthModule } from './auth/auth.module.js';
import { AuthService } from './auth/auth.service.js';
import { DevSignInController } from './auth/dev-sign-in.controller.js';
import { BodiesModule } from './bodies/bodies.module.js';
import { BreakoutRoomsModule } from './breakout-rooms/breakout-rooms.module.js';
import { ClockModule } from './common/clock.js';
import { LimitsModule } from './common/limits.resolver.js';
import { GraphQLExceptionFilter } from './common/graphql-exception.filter.js';
import { AppError } from './common/app-error.js';
import { graphQLErrorFormatter } from './common/graphql-errors.js';
import { jitCompatible } from './common/graphql-jit.js';
import { asksForIntrospection, GRAPHQL_LIMITS, limitRules } from './common/graphql-limits.js';
import { RedisModule } from './common/redis.module.js';
import { requestContext, type RequestStore } from './common/request-context.js';
import type { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { DatabaseModule } from './database/database.module.js';
import { TenantDb } from './database/tenant-db.service.js';
import { HealthController } from './health/health.controller.js';
import { JobsModule } from './jobs/jobs.module.js';
import { JoinLinksModule } from './join-links/join-links.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { OutboxModule } from './outbox/outbox.module.js';
import { MeetingsModule } from './meetings/meetings.module.js';
import { AuditModule } from './audit/audit.module.js';
import { RulesModule } from './rules/rules.module.js';
import { MembersModule } from './members/members.module.js';
import { PartyGroupsModule } from './party-groups/party-groups.module.js';
import { TenancyModule } from './tenancy/tenancy.module.js';
import { VideoPlatformsModule } from './video-platforms/video-platforms.module.js';
import { TrainingTrackingModule } from './training/training.module.js';
import { SupportModule } from './support/support.module.js';
import { ComparisonModule } from './comparison/comparison.module.js';
import { ExperienceModule } from './experience/experience.module.js';
import { SurveysModule } from './surveys/surveys.module.js';

export interface GraphQLContext {
  request: FastifyRequest;
  reply: FastifyReply;
  store: RequestStore;
}

/** Wiring only tests add: e.g. a controller that exercises the request lifecycle. */
export interface AppExtras {
  controllers?: Type[];
  providers?: Type[];
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, appDatabaseUrl: string, extra: AppExtras = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(appDatabaseUrl, config.dbPoolSize),
        RedisModule.forRoot(config.redisUrl),
        JobsModule.forRoot(config.redisUrl, config.queuePrefix),
        NotificationsModule.forRoot(config),
        OutboxModule,
        TenancyModule,
        AuthModule,
        ClockModule,
        VideoPlatformsModule.forRoot(config),
        GraphQLModule.forRootAsync<MercuriusDriverConfig>({
          driver: MercuriusDriver,
          imports: [AuthModule],
          inject: [TenantDb, AuthService],
          useFactory: (db: TenantDb, auth: AuthService) => ({
            path: '/graphql',
            autoSchemaFile: true,
            sortSchema: true,
            graphiql: !config.production,
            // Compiled on a query's second request; see common/graphql-jit.ts for what the hook below evens out.
            jit: 1,
            // Limits on size and shape, checked before anything runs (see GRAPHQL_LIMITS): tokens while
            // parsing, aliases, depth and cost while validating. Refusals carry QUERY_TOO_COMPLEX.
            graphql: { parseOptions: { maxTokens: GRAPHQL_LIMITS.maxTokens } },
            validationRules: limitRules(),
            context: (request: FastifyRequest, reply: FastifyReply): GraphQLContext => ({ request, reply, store: requestContext.getStore()! }),
            errorFormatter: graphQLErrorFormatter({ suggestions: config.graphqlIntrospection === 'on' }),
            hooks: {
              // Here rather than as a validation rule: validation results are cached per query
              // text, but whether the schema may be read depends on who asks.
              preExecution: async (_schema, document, context, variables) => {
                const { store, request } = context as unknown as GraphQLContext;
                const compatible = () =>
                  jitCompatible(document, variables, ((request.body ?? request.query) as { operationName?: string } | undefined)?.operationName);
                if (config.graphqlIntrospection === 'on' || !asksForIntrospection(document)) return compatible();
                if (config.graphqlIntrospection === 'staff') {
                  store.actor ??= await auth.authenticate(request.headers.authorization).catch(() => undefined);
                  if (store.actor) return compatible();
                }
                throw new AppError('INTROSPECTION_DISABLED', 'Schemat kan inte läsas här.');
              },
              // One transaction per GraphQL request: commit only when nothing failed, so a
              // rejected mutation leaves nothing half-written.
              onResolution: async (execution, context) => {
                await db.finish((context as unknown as GraphQLContext).store, !execution.errors?.length);
              },
            },
          }),
        }),
        BodiesModule,
        MembersModule,
        PartyGroupsModule,
        MeetingsModule,
        BreakoutRoomsModule,
        JoinLinksModule,
        RulesModule,
        AuditModule,
        TrainingTrackingModule,
        LimitsModule,
        SupportModule,
        ComparisonModule,
        ExperienceModule,
        SurveysModule,
      ],
      controllers: [HealthController, DevSignInController, ...(extra.controllers ?? [])],
      providers: [...(extra.providers ?? []), { provide: APP_GUARD, useClass: AuthGuard }, { provide: APP_FILTER, useClass: GraphQLExceptionFilter }],
    };
  }
}
