import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsUUID } from 'class-validator';
import { BaseFilter } from '../common/crud/list-args.js';
import { MembershipRole } from './body-membership.entity.js';

@InputType()
export class BodyMembershipFilter extends BaseFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  bodyId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  memberId?: string;

  @Field(() => MembershipRole, { nullable: true })
  @IsOptional()
  @IsEnum(MembershipRole)
  role?: MembershipRole;
}

@InputType()
export class CreateBodyMembershipInput {
  @Field(() => ID)
  @IsUUID()
  bodyId!: string;

  @Field(() => ID)
  @IsUUID()
  memberId!: string;

  @Field(() => MembershipRole)
  @IsEnum(MembershipRole)
  role!: MembershipRole;
}

@InputType()
export class UpdateBodyMembershipInput {
  @Field(() => MembershipRole, { nullable: true })
  @IsOptional()
  @IsEnum(MembershipRole)
  role?: MembershipRole;
}
