import { Field, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

@InputType()
export class UpdateMunicipalitySettingsInput {
  @Field(() => [String], { nullable: true, description: 'https origins of the sites that may embed the join page' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  embedOrigins?: string[];

  @Field(() => String, { nullable: true, description: "Whom members contact when their link cannot let them in (shown on the member's page); empty clears it" })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  memberContact?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(20160)
  linkDeliveryLeadMinutes?: number;
}
