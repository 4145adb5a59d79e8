import { Args, Query, Resolver } from '@nestjs/graphql';
import { badInput } from '../common/app-error.js';
import { ListArgs, PageOf, SortOrder } from '../common/crud/list-args.js';
import { parseInput } from '../common/crud/parse-input.js';
import { currentStore } from '../common/request-context.js';
import { DirectoryService } from './directory.service.js';
import { Municipality } from './municipality.entity.js';
import { Viewer } from './viewer.model.js';

const MunicipalityPage = PageOf(Municipality);
// 'id' too: react-admin's default sort field when a page names none.
const SORTABLE = ['name', 'code', 'id'] as const;
const isSortable = (field: string): field is (typeof SORTABLE)[number] => (SORTABLE as readonly string[]).includes(field);

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
    const { page, perPage, sortField, sortOrder } = await parseInput(ListArgs, args);
    const all = this.directory.municipalitiesIn(currentStore().actor!.regionId);
    if (sortField != null) {
      // Like every other list: an unknown sort field is refused, not silently ignored.
      if (!isSortable(sortField)) throw badInput(`Det går inte att sortera på "${sortField}".`, { sortField: 'okänt sorteringsfält' });
      all.sort((a, b) => a[sortField].localeCompare(b[sortField], 'sv'));
    }
    if (sortOrder === SortOrder.DESC) all.reverse();
    return { items: all.slice((page - 1) * perPage, page * perPage), total: all.length };
  }
}
