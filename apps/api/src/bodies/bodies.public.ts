/**
 * What other capabilities may use of bodies. The classes are the GraphQL object types (in this
 * code-first API the object type and the table row are one class): name them in schema
 * references and type positions; read and change the rows through the services below — the
 * lint forbids querying another capability's table. See ../README.md.
 */
export { Body, BodyKind, PARENT_KINDS } from './body.entity.js';
export { BodyMembership, MembershipRole, PRESIDIUM_ROLES } from './body-membership.entity.js';
export { BodiesService } from './bodies.service.js';
export { BodyMembershipsService } from './body-memberships.service.js';
