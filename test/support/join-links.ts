import { TenantDb } from '@motesplats/api/database/tenant-db.service.js';
import { JoinLinksService } from '@motesplats/api/join-links/join-links.service.js';
import type { JoinLink } from '@motesplats/api/join-links/join-link.entity.js';
import { tenantOf, type TestApp } from './test-app.js';

/** Issues a token for one of a meeting's invitations, as delivery would, and returns it (tokens are never stored). */
export async function issueToken(
  t: TestApp,
  slug: string,
  meetingId: string,
  pick: (links: JoinLink[]) => JoinLink | undefined,
): Promise<{ link: JoinLink; token: string }> {
  const links = t.app.get(JoinLinksService);
  return t.app.get(TenantDb).run(tenantOf(slug), async () => {
    const link = pick(await links.syncInvitations(meetingId));
    if (!link) throw new Error('no such invitation');
    return { link, token: await links.issue(link) };
  });
}

/** Enters through the link as the member's page does: a same-origin POST. Returns the status code and body. */
export async function enterLink(base: string, token: string): Promise<{ code: number; [key: string]: any }> {
  const res = await fetch(`${base}/join/${token}/enter`, { method: 'POST', headers: { origin: base, 'sec-fetch-site': 'same-origin' } });
  return { code: res.status, ...((await res.json()) as Record<string, unknown>) };
}
