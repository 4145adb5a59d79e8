import { Args, Query, Resolver } from '@nestjs/graphql';
import { badInput } from '../common/app-error.js';
import { ListArgs, PageOf, SortOrder } from '../common/crud/list-args.js';
import { parseInput } from '../common/crud/parse-input.js';
import { currentStore } from '../common/request-context.js';
import { DirectoryService } from './directory.service.js';
import { Municipality } from './municipality.entity.js';
import { Viewer } from './viewer.model.js';

const MunicipalityPage = PageOf(Municipality);

/** What the municipalities list sorts on, as the crud lists do: own keys only. */
const MUNICIPALITY_SORT = { name: 'name', code: 'code', slug: 'slug' } as const;

@Resolver()
export class TenancyResolver {
  constructor(private readonly directory: DirectoryService) {}

  @Query(() => Viewer, { description: 'Who is signed in, for which municipality' })
  me(): Viewer {
    const actor = currentStore().actor!;
    return {
      userId: actor.userId,
      username: actor.username,
      name: actor.name,
      roles: actor.roles,
      municipality: this.directory.municipality(actor.tenantId) ?? null,
      region: this.directory.region(actor.regionId)!,
    };
  }

  @Query(() => MunicipalityPage, { description: "The region's municipalities (public names and codes)" })
  async municipalities(@Args() args: ListArgs) {
    const { page, perPage, sortField = 'name', sortOrder } = await parseInput(ListArgs, args);
    if (!Object.hasOwn(MUNICIPALITY_SORT, sortField)) {
      throw badInput(`Det går inte att sortera på "${sortField}". Välj bland: ${Object.keys(MUNICIPALITY_SORT).join(', ')}.`, { sortField: 'okänt sorteringsfält' });
    }
    const key = MUNICIPALITY_SORT[sortField as keyof typeof MUNICIPALITY_SORT];
    const all = this.directory.municipalitiesIn(currentStore().actor!.regionId).sort((a, b) => a[key].localeCompare(b[key], 'sv'));
    if (sortOrder === SortOrder.DESC) all.reverse();
    return { items: all.slice((page - 1) * perPage, page * perPage), total: all.length };
  }
}
