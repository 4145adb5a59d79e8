import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A row of an import file that cannot be imported.' })
export class ImportRowError {
  @Field(() => Int, { description: 'Line number in the file (the header is line 1)' })
  line!: number;

  @Field()
  reason!: string;
}

@ObjectType({ description: 'What an import did, or would do (dry run). Nothing is imported while any row has an error.' })
export class CompletionImportReport {
  @Field()
  dryRun!: boolean;

  @Field(() => Int, { description: 'Data rows in the file' })
  rows!: number;

  @Field(() => Int, { description: 'Rows that would add a completion' })
  toImport!: number;

  @Field(() => Int, { description: 'Rows already recorded (or repeated in the file): skipped' })
  alreadyRecorded!: number;

  @Field(() => Int, { description: 'Completions added by this call' })
  imported!: number;

  @Field(() => [ImportRowError])
  errors!: ImportRowError[];
}
