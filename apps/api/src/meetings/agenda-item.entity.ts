import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity } from 'typeorm';
import { TenantEntity } from '../common/tenant-entity.js';

/** An item (ärende). Confidential and closed-vote items are never handled with remote participants. */
@ObjectType({ description: 'An agenda item (ärende).' })
@Entity('agenda_item')
export class AgendaItem extends TenantEntity {
  @Field(() => ID)
  @Column({ name: 'meeting_id', type: 'uuid' })
  meetingId!: string;

  @Field(() => Int)
  @Column({ type: 'integer' })
  number!: number;

  @Field()
  @Column()
  title!: string;

  @Field({ description: 'Sekretessärende' })
  @Column({ type: 'boolean' })
  confidential!: boolean;

  @Field({ description: 'Needs a closed (secret) vote (sluten omröstning)' })
  @Column({ name: 'closed_vote', type: 'boolean' })
  closedVote!: boolean;

  @Field(() => [String], { description: "The municipality's own item kinds, e.g. personnel" })
  @Column({ type: 'text', array: true })
  kinds!: string[];
}
