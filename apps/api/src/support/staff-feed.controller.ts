import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../auth/roles.decorator.js';
import { JoinRateLimiter } from '../join-links/join-rate-limiter.js';
import { StaffFeedService } from './staff-feed.service.js';

/**
 * `/support-feed/<token>/calendar.ics`: what a staff member's calendar app subscribes to.
 * Rate-limited with the same Redis budgets as members' links and feeds, so guessing tokens on
 * either route spends one allowance.
 */
@Controller('support-feed')
export class StaffFeedController {
  constructor(
    private readonly feeds: StaffFeedService,
    private readonly limiter: JoinRateLimiter,
  ) {}

  @Public()
  @Get(':token/calendar.ics')
  async feed(@Param('token') token: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
    if (!(await this.limiter.admit(req.ip, token, reply))) return;
    const ics = await this.feeds.render(token);
    if (ics === null) {
      await this.limiter.failed(req.ip);
      return reply.code(404).type('text/plain; charset=utf-8').send('Kalendern finns inte.');
    }
    reply.code(200).type('text/calendar; charset=utf-8').send(ics);
  }
}
