import { Controller, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../auth/roles.decorator.js';
import { Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { JoinAccessService, type JoinView } from './join-access.service.js';
import { JoinRateLimiter, tooMany } from './join-rate-limiter.js';
import { looksLikeToken } from './join-token.js';
import { INVALID_PAGE, INVALID_PAGE_CSP, INVALID_STATUS, joinStatus, memberPageCsp, renderMemberPage, type JoinStatus } from './member-page.js';

/**
 * The member's way in: `/join/<token>` (the page), `/join/<token>/status` (what the page asks
 * when its state should change) and `POST /join/<token>/enter` (the page coming in). No
 * sign-in. Every invalid token — unknown, malformed, revoked, expired, of a cancelled
 * meeting — gets the same answer, byte for byte.
 *
 * GET and HEAD change nothing: mail scanners, link previews and prefetching open links
 * without the member. Only the page's own script entering with a same-origin POST counts a
 * use, records attendance or completes a practice session's module.
 */
@Controller('join')
export class JoinController {
  constructor(
    private readonly access: JoinAccessService,
    private readonly limiter: JoinRateLimiter,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get(':token')
  async page(@Param('token') token: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const found = await this.lookup(token, req, reply);
    if (found === undefined) return;
    if (found === null) {
      return reply.code(404).header('content-security-policy', INVALID_PAGE_CSP).type('text/html; charset=utf-8').send(INVALID_PAGE);
    }
    const nonce = randomBytes(16).toString('base64');
    reply
      .code(200)
      .header('content-security-policy', memberPageCsp(nonce, this.config.jitsi.domain, found.embedOrigins))
      .type('text/html; charset=utf-8')
      .send(renderMemberPage(found.status, nonce));
  }

  @Public()
  @Get(':token/status')
  async status(@Param('token') token: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const found = await this.lookup(token, req, reply);
    if (found === undefined) return;
    if (found === null) return reply.code(404).send(INVALID_STATUS);
    reply.code(200).send(found.status);
  }

  @Public()
  @Post(':token/enter')
  async enter(@Param('token') token: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    if (!sameOrigin(req, this.config.publicUrl)) {
      // Only our own page (also inside a municipality's iframe, where it is still our origin) enters.
      return reply
        .code(403)
        .header('cache-control', 'no-store')
        .send({ error: 'CROSS_ORIGIN', message: 'Entering is only possible from the join page itself.' });
    }
    const found = await this.lookup(token, req, reply, true);
    if (found === undefined) return;
    if (found === null) return reply.code(404).send(INVALID_STATUS);
    reply.code(200).send(found.status);
  }

  /** Undefined when the answer (429) has been sent; null for every token that opens nothing. */
  private async lookup(
    token: string,
    req: FastifyRequest,
    reply: FastifyReply,
    entering = false,
  ): Promise<{ status: JoinStatus; embedOrigins: string[] } | null | undefined> {
    // Never cached, never passed on in a Referer: the URL is the member's key.
    reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').header('x-content-type-options', 'nosniff');
    // Not even a token: answered before any budget is spent, so junk can lock nobody out.
    if (!looksLikeToken(token)) return null;
    let view: JoinView | null;
    if (entering) {
      // Entering writes: the budget is read first.
      if (!(await this.limiter.admit(req.ip, token, reply))) return undefined;
      view = await this.access.enter(token);
    } else {
      // Looking writes nothing, so the budget's read (Redis) and the look-up (Postgres) run side
      // by side: a whole council opening its links waits for the slower of the two, not both
      // (issue 12). A blocked address is still answered 429 whatever the look-up found, so it
      // learns nothing; one this process knows to be blocked costs no look-up at all.
      if (this.limiter.knownBlocked(req.ip)) {
        tooMany(reply, this.clock.now().getTime());
        return undefined;
      }
      const [blocked, found] = await Promise.all([this.limiter.blocked(req.ip), this.access.resolve(token)]);
      if (blocked) {
        tooMany(reply, this.clock.now().getTime());
        return undefined;
      }
      view = found;
    }
    if (!view) {
      if (await this.limiter.failed(req.ip, token)) {
        tooMany(reply);
        return undefined;
      }
      return null;
    }
    return { status: joinStatus(view, this.clock.now()), embedOrigins: view.embedOrigins };
  }
}

/**
 * Whether a POST comes from a page of our own origin. Browsers send Origin with every POST and
 * Sec-Fetch-Site with every request; a request carrying neither is not from a browser page
 * and is refused too, so a cross-site form or fetch can never enter on a member's behalf.
 */
export function sameOrigin(req: FastifyRequest, publicUrl: string): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') return false;
  const origin = req.headers.origin;
  if (origin === undefined) return site === 'same-origin';
  const own = [safeOrigin(publicUrl), req.headers.host ? `${req.protocol}://${req.headers.host}` : null];
  return own.includes(origin);
}

function safeOrigin(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}
