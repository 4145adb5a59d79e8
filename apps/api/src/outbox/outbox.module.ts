import { Global, Module } from '@nestjs/common';
import { OutboxService } from './outbox.service.js';

/** The transactional outbox, for every capability that causes effects outside the database. */
@Global()
@Module({ providers: [OutboxService], exports: [OutboxService] })
export class OutboxModule {}
