/**
 * What other capabilities may use of party groups. The classes are the GraphQL object types (in this
 * code-first API the object type and the table row are one class): name them in schema
 * references and type positions; read and change the rows through the services below — the
 * lint forbids querying another capability's table. See ../README.md.
 */
export { Party } from './party.entity.js';
export { PartyGroup } from './party-group.entity.js';
export { PartiesService, PartyGroupsService } from './party-groups.service.js';
