import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../auth/roles.decorator.js';
import { CalendarFeedsService } from './calendar-feeds.service.js';
import { JoinRateLimiter } from './join-rate-limiter.js';

/** `/feed/<token>/calendar.ics`: what calendar apps subscribe to. Rate-limited like join links. */
@Controller('feed')
export class CalendarFeedController {
  constructor(
    private readonly feeds: CalendarFeedsService,
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
