import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { MeetingsModule } from '../meetings/meetings.module.js';
import { BREAKOUT_POLICY, regionalTemplatePolicy } from './breakout-policy.js';
import { BreakoutRoomsResolver, MeetingRoomsResolver } from './breakout-rooms.resolver.js';
import { BreakoutRoomsService } from './breakout-rooms.service.js';
import { MeetingWindowsService } from './meeting-windows.service.js';
import { DELIVERY_QUEUE, ROOMS_QUEUE } from './queues.js';
import { RoomProvisioner } from './room-provisioner.service.js';
import { RoomScheduler } from './room-scheduler.service.js';
import { RoomsProcessor } from './rooms.processor.js';

@Module({
  imports: [MeetingsModule, BullModule.registerQueue({ name: ROOMS_QUEUE }, { name: DELIVERY_QUEUE })],
  providers: [
    // The seam to the municipality's stored rule set (see breakout-policy.ts).
    { provide: BREAKOUT_POLICY, useValue: regionalTemplatePolicy },
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
