import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { MeetingsModule } from '../meetings/meetings.module.js';
import { RulesModule } from '../rules/rules.module.js';
import { BREAKOUT_POLICY, StoredRuleSetPolicy } from './breakout-policy.js';
import { BreakoutRoomsResolver, MeetingRoomsResolver } from './breakout-rooms.resolver.js';
import { BreakoutRoomsService } from './breakout-rooms.service.js';
import { MeetingWindowsService } from './meeting-windows.service.js';
import { DELIVERY_QUEUE, ROOMS_QUEUE } from './queues.js';
import { RoomProvisioner } from './room-provisioner.service.js';
import { RoomScheduler } from './room-scheduler.service.js';
import { RoomsProcessor } from './rooms.processor.js';
import { MembersModule } from '../members/members.module.js';
import { BodiesModule } from '../bodies/bodies.module.js';
import { PartyGroupsModule } from '../party-groups/party-groups.module.js';

@Module({
  imports: [
    MembersModule,
    BodiesModule,
    PartyGroupsModule,
    MeetingsModule,
    RulesModule,
    BullModule.registerQueue({ name: ROOMS_QUEUE }, { name: DELIVERY_QUEUE }),
  ],
  providers: [
    { provide: BREAKOUT_POLICY, useClass: StoredRuleSetPolicy },
    MeetingWindowsService,
    BreakoutRoomsService,
    RoomScheduler,
    RoomProvisioner,
    RoomsProcessor,
    BreakoutRoomsResolver,
    MeetingRoomsResolver,
  ],
  exports: [MeetingWindowsService, BreakoutRoomsService, RoomProvisioner, RoomScheduler, BREAKOUT_POLICY],
})
export class BreakoutRoomsModule {}
