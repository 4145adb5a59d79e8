import { Module } from '@nestjs/common';
import { MembersResolver } from './members.resolver.js';
import { MembersService } from './members.service.js';
import { PartyGroupsModule } from '../party-groups/party-groups.module.js';

@Module({ imports: [PartyGroupsModule], providers: [MembersService, MembersResolver], exports: [MembersService] })
export class MembersModule {}
