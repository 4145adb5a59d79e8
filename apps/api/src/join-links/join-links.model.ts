import { Field, Int, ObjectType } from '@nestjs/graphql';
import { JoinLink } from './join-link.entity.js';

@ObjectType({ description: 'A link sent again with a new token (the old one no longer works)' })
export class ResentJoinLink {
  @Field(() => JoinLink)
  link!: JoinLink;

  @Field(() => String, { nullable: true, description: 'Only for a member without e-mail: the link, shown this once, for the secretary to hand over' })
  url!: string | null;
}

@ObjectType()
export class LinkDeliveryReport {
  @Field(() => Int)
  sent!: number;

  @Field(() => Int, { description: 'Members without e-mail, whom the secretary reaches otherwise' })
  forSecretary!: number;

  @Field(() => Int, {
    description:
      'Members the rules keep from taking part remotely: their link to the meeting is held back (see membersBlockedFromRemote); room links still go out',
  })
  blocked!: number;
}
