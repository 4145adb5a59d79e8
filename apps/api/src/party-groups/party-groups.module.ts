import { Module } from '@nestjs/common';
import { PartiesResolver, PartyGroupsResolver } from './party-groups.resolver.js';
import { PartiesService, PartyGroupsService } from './party-groups.service.js';

@Module({
  providers: [PartiesService, PartiesResolver, PartyGroupsService, PartyGroupsResolver],
  exports: [PartiesService, PartyGroupsService],
})
export class PartyGroupsModule {}
