import { Module, type OnModuleInit } from '@nestjs/common';
import { ComplianceFacts } from '../rules/compliance-facts.js';
import { RulesModule } from '../rules/rules.module.js';
import { AgendaItemsResolver } from './agenda-items.resolver.js';
import { AgendaItemsService } from './agenda-items.service.js';
import { AttendancesResolver } from './attendances.resolver.js';
import { AttendancesService } from './attendances.service.js';
import { MeetingsResolver } from './meetings.resolver.js';
import { MeetingsService } from './meetings.service.js';
import { BodiesModule } from '../bodies/bodies.module.js';
import { MembersModule } from '../members/members.module.js';

@Module({
  imports: [BodiesModule, MembersModule, RulesModule],
  providers: [MeetingsService, MeetingsResolver, AgendaItemsService, AgendaItemsResolver, AttendancesService, AttendancesResolver],
  exports: [MeetingsService, AttendancesService],
})
export class MeetingsModule implements OnModuleInit {
  constructor(
    private readonly facts: ComplianceFacts,
    private readonly meetings: MeetingsService,
  ) {}

  /** The rules' evaluation reads agendas and attendance through the seam the rules own. */
  onModuleInit(): void {
    this.facts.provideMeetings(this.meetings);
  }
}
