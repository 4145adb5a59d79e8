import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { MUNICIPAL_READERS, MUNICIPAL_WRITERS } from '../auth/actor.js';
import { Roles } from '../auth/roles.decorator.js';
import { IdArgs } from '../common/crud/id-args.js';
import { parseInput } from '../common/crud/parse-input.js';
import { ExperienceReportsArgs, PeriodArgs, SharingInput, SubmitExperienceReportInput } from './experience.inputs.js';
import { ExperienceReport, RegionalExperienceReport, SharingSettings } from './experience.model.js';
import { ExperienceReportsService } from './experience-reports.service.js';
import { SharingService } from './sharing.service.js';

@Resolver(() => ExperienceReport)
export class ExperienceReportsResolver {
  constructor(private readonly reports: ExperienceReportsService) {}

  @Roles(...MUNICIPAL_READERS)
  @Query(() => [ExperienceReport], { description: "The municipality's experience reports, outstanding first" })
  async experienceReports(@Args() args: ExperienceReportsArgs) {
    const { status } = await parseInput(ExperienceReportsArgs, args);
    return this.reports.list(status);
  }

  @Roles(...MUNICIPAL_READERS)
  @Query(() => ExperienceReport, { nullable: true })
  async experienceReport(@Args('id', { type: () => ID }) id: string) {
    // Checked before it reaches a uuid column: a malformed id is the caller's mistake, not a server error.
    await parseInput(IdArgs, { id });
    return this.reports.get(id);
  }

  @Roles(...MUNICIPAL_WRITERS)
  @Mutation(() => ExperienceReport, { description: 'Submit or correct a report; its incidents are replaced by those given' })
  async submitExperienceReport(@Args('id', { type: () => ID }) id: string, @Args('input') input: SubmitExperienceReportInput) {
    await parseInput(IdArgs, { id });
    return this.reports.submit(id, await parseInput(SubmitExperienceReportInput, input));
  }

  @Roles('coordinator')
  @Query(() => [RegionalExperienceReport], { description: 'Coordinators: shared reports of the region, anonymised, small counts suppressed' })
  async regionalExperienceReports(@Args() args: PeriodArgs) {
    const { from, to } = await parseInput(PeriodArgs, args);
    return this.reports.regional(from, to);
  }
}

@Resolver(() => SharingSettings)
export class SharingResolver {
  constructor(private readonly sharing: SharingService) {}

  @Roles(...MUNICIPAL_READERS)
  @Query(() => SharingSettings, { description: 'What this municipality shares with its region' })
  regionSharing() {
    return this.sharing.mine();
  }

  @Roles('tenant-admin')
  @Mutation(() => SharingSettings, { description: 'Share or withdraw: takes effect for the region at once' })
  async updateRegionSharing(@Args('input') input: SharingInput) {
    return this.sharing.update(await parseInput(SharingInput, input));
  }

  @Roles('coordinator')
  @Query(() => [SharingSettings], { description: "Coordinators: what each of the region's municipalities shares" })
  regionalSharing() {
    return this.sharing.regional();
  }
}
