import type { Role } from './actor.js';
import type { DirectoryService } from '../tenancy/directory.service.js';

export interface DevUser {
  username: string;
  name: string;
  /** The Keycloak organization alias the token carries. */
  organization: string;
  municipality: string | null;
  roles: Role[];
}

/** Demo staff for every municipality in the directory, plus one regional coordinator per region. */
export function devUsers(directory: DirectoryService, regions: { slug: string; name: string; id: string }[]): DevUser[] {
  const users: DevUser[] = [];
  for (const region of regions) {
    users.push({
      username: `samordnare.${region.slug}`,
      name: `Regional samordnare ${region.name}`,
      organization: region.slug,
      municipality: null,
      roles: ['coordinator'],
    });
    for (const m of directory.municipalitiesIn(region.id)) {
      users.push(
        { username: `admin.${m.slug}`, name: `Kansliet ${m.name}`, organization: m.slug, municipality: m.name, roles: ['tenant-admin'] },
        { username: `sekreterare.${m.slug}`, name: `Nämndsekreterare ${m.name}`, organization: m.slug, municipality: m.name, roles: ['secretary'] },
        { username: `support.${m.slug}`, name: `Mötessupport ${m.name}`, organization: m.slug, municipality: m.name, roles: ['support'] },
      );
    }
  }
  return users;
}
