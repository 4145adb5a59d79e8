import { Field, Float, ObjectType } from '@nestjs/graphql';

/**
 * A figure a regional coordinator sees. Small counts (above zero, below the region's
 * threshold) are suppressed in the database already; here they read "< 3" and carry no value.
 */
@ObjectType({ description: 'A figure for regional eyes: the value, or "< threshold" when it is suppressed' })
export class Figure {
  @Field(() => Float, { nullable: true, description: 'Null when suppressed or when there is nothing to show' })
  value!: number | null;

  @Field({ description: 'Below the threshold: hidden so that no small group can be singled out' })
  suppressed!: boolean;

  @Field({ description: 'What to print: the value, "< 3", or "–" when there is nothing' })
  display!: string;
}

/** A value from a suppressing database function: null there means "suppressed" unless nothing exists. */
export function figure(value: string | number | null | undefined, threshold: number, nothing = false): Figure {
  if (value === null || value === undefined) {
    return nothing ? { value: null, suppressed: false, display: '–' } : { value: null, suppressed: true, display: `< ${threshold}` };
  }
  const n = Number(value);
  return { value: n, suppressed: false, display: String(n) };
}
