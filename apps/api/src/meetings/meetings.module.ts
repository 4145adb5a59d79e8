import { Module } from '@nestjs/common';
import { RulesModule } from '../rules/rules.module.js';
import { AgendaItemsResolver } from './agenda-items.resolver.js';
import { AgendaItemsService } from './agenda-items.service.js';
import { AttendancesResolver } from './attendances.resolver.js';
import { AttendancesService } from './attendances.service.js';
import { MeetingsResolver } from './meetings.resolver.js';
import { MeetingsService } from './meetings.service.js';

@Module({
  imports: [RulesModule],
  providers: [MeetingsService, MeetingsResolver, AgendaItemsService, AgendaItemsResolver, AttendancesService, AttendancesResolver],
  exports: [MeetingsService],
})
export class MeetingsModule {}
