import { Global, Module } from '@nestjs/common';
import { MailOutbox } from './mail-outbox.service.js';
import { OutboxService } from './outbox.service.js';

/** The transactional outbox, for every capability that causes effects outside the database. */
@Global()
@Module({ providers: [OutboxService, MailOutbox], exports: [OutboxService, MailOutbox] })
export class OutboxModule {}
