import { Module } from '@nestjs/common';
import { BreakoutRoomsModule } from '../breakout-rooms/breakout-rooms.module.js';
import { MeetingsModule } from '../meetings/meetings.module.js';
import { JoinAccessService } from './join-access.service.js';
import { JoinController } from './join.controller.js';
import { JoinLinksResolver, MeetingJoinLinksResolver } from './join-links.resolver.js';
import { JoinLinksService } from './join-links.service.js';
import { JoinRateLimiter } from './join-rate-limiter.js';

@Module({
  imports: [MeetingsModule, BreakoutRoomsModule],
  controllers: [JoinController],
  providers: [JoinLinksService, JoinAccessService, JoinRateLimiter, JoinLinksResolver, MeetingJoinLinksResolver],
  exports: [JoinLinksService, JoinAccessService],
})
export class JoinLinksModule {}
