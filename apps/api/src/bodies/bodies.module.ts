import { Module } from '@nestjs/common';
import { BodiesResolver } from './bodies.resolver.js';
import { BodiesService } from './bodies.service.js';
import { BodyMembershipsResolver } from './body-memberships.resolver.js';
import { BodyMembershipsService } from './body-memberships.service.js';
import { MembersModule } from '../members/members.module.js';

@Module({
  imports: [MembersModule],
  providers: [BodiesService, BodiesResolver, BodyMembershipsService, BodyMembershipsResolver],
  exports: [BodiesService, BodyMembershipsService],
})
export class BodiesModule {}
