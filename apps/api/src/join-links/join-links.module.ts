import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { BreakoutRoomsModule } from '../breakout-rooms/breakout-rooms.module.js';
import { MeetingsModule } from '../meetings/meetings.module.js';
import { TrainingTrackingModule } from '../training/training.module.js';
import { RulesModule } from '../rules/rules.module.js';
import { CalendarFeedController } from './calendar-feed.controller.js';
import { CalendarFeedsService } from './calendar-feeds.service.js';
import { JoinAccessService } from './join-access.service.js';
import { LinkDeliveryProcessor } from './link-delivery.processor.js';
import { LinkDeliveryService } from './link-delivery.service.js';
import { JoinController } from './join.controller.js';
import { JoinLinksResolver, MeetingJoinLinksResolver, PracticeSessionJoinLinksResolver } from './join-links.resolver.js';
import { PracticeLinksService } from './practice-links.service.js';
import { PracticeRoom } from './practice-room.js';
import { JoinLinksService } from './join-links.service.js';
import { JoinRateLimiter } from './join-rate-limiter.js';
import { MeetingRemoteEligibilityResolver } from './remote-eligibility.resolver.js';
import { RemoteEligibilityService } from './remote-eligibility.service.js';
import { MembersModule } from '../members/members.module.js';

@Module({
  imports: [MembersModule, MeetingsModule, BreakoutRoomsModule, RulesModule, AuditModule, TrainingTrackingModule],
  controllers: [JoinController, CalendarFeedController],
  providers: [
    JoinLinksService,
    JoinAccessService,
    JoinRateLimiter,
    LinkDeliveryService,
    LinkDeliveryProcessor,
    CalendarFeedsService,
    JoinLinksResolver,
    MeetingJoinLinksResolver,
    PracticeLinksService,
    PracticeRoom,
    PracticeSessionJoinLinksResolver,
    RemoteEligibilityService,
    MeetingRemoteEligibilityResolver,
  ],
  exports: [JoinLinksService, JoinAccessService, RemoteEligibilityService],
})
export class JoinLinksModule {}
