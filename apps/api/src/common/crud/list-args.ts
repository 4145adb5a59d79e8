import { ArgsType, Field, InputType, Int, ObjectType, registerEnumType, ID } from '@nestjs/graphql';
import type { Type } from '@nestjs/common';
import { IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

export enum SortOrder {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortOrder, { name: 'SortOrder' });

export const MAX_PER_PAGE = 100;

/** Pagination and sorting in the shape react-admin's getList sends. */
@ArgsType()
export class ListArgs {
  @Field(() => Int, { defaultValue: 1 })
  @IsInt()
  @Min(1)
  page: number = 1;

  @Field(() => Int, { defaultValue: 25 })
  @IsInt()
  @Min(1)
  @Max(MAX_PER_PAGE)
  perPage: number = 25;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  sortField?: string;

  @Field(() => SortOrder, { defaultValue: SortOrder.ASC })
  @IsIn([SortOrder.ASC, SortOrder.DESC])
  sortOrder: SortOrder = SortOrder.ASC;
}

/** Filters every list accepts: react-admin's getMany is a list filtered by ids. */
@InputType({ isAbstract: true })
export abstract class BaseFilter {
  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsArray()
  @IsUUID('all', { each: true })
  ids?: string[];

  @Field({ nullable: true, description: 'Free-text search' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

export interface PageResult<T> {
  items: T[];
  total: number;
}

const pageTypes = new Map<Type<unknown>, Type<PageResult<unknown>>>();

/** `XPage { items: [X!]!, total: Int! }` — one per listed type. */
export function PageOf<T>(item: Type<T>): Type<PageResult<T>> {
  const existing = pageTypes.get(item);
  if (existing) return existing as Type<PageResult<T>>;
  @ObjectType(`${item.name}Page`)
  class Page implements PageResult<T> {
    @Field(() => [item])
    items!: T[];

    @Field(() => Int)
    total!: number;
  }
  pageTypes.set(item, Page as Type<PageResult<unknown>>);
  return Page;
}
