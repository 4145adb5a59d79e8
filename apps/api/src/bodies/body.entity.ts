import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity } from 'typeorm';
import { TenantEntity } from '../common/tenant-entity.js';

/** The body types of the Local Government Act, plus municipal company boards. */
export enum BodyKind {
  COUNCIL = 'council',
  EXECUTIVE_BOARD = 'executive_board',
  COMMITTEE = 'committee',
  SUB_COMMITTEE = 'sub_committee',
  COMPANY_BOARD = 'company_board',
}
registerEnumType(BodyKind, {
  name: 'BodyKind',
  valuesMap: {
    COUNCIL: { description: 'Kommunfullmäktige (KL 5 kap.)' },
    EXECUTIVE_BOARD: { description: 'Kommunstyrelse (a nämnd, KL 6 kap.)' },
    COMMITTEE: { description: 'Nämnd (KL 6 kap.)' },
    SUB_COMMITTEE: { description: 'Utskott: answers to its parent nämnd' },
    COMPANY_BOARD: { description: 'Bolagsstyrelse (Aktiebolagslagen)' },
  },
});

/** Bodies that can have sub-committees (utskott). */
export const PARENT_KINDS = [BodyKind.EXECUTIVE_BOARD, BodyKind.COMMITTEE];

@ObjectType({ description: 'A decision-making body: council, executive board, committee, sub-committee or company board.' })
@Entity('body')
export class Body extends TenantEntity {
  @Field()
  @Column()
  name!: string;

  @Field(() => BodyKind)
  @Column({ type: 'text' })
  kind!: BodyKind;

  @Field(() => ID, { nullable: true, description: 'The committee a sub-committee answers to' })
  @Column({ name: 'parent_body_id', type: 'uuid', nullable: true })
  parentBodyId!: string | null;
}
