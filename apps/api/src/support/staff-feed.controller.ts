import { Controller, Get, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/roles.decorator.js';
import { StaffFeedService } from './staff-feed.service.js';

/** `/support-feed/<token>/calendar.ics`: what a staff member's calendar app subscribes to. */
@Controller('support-feed')
export class StaffFeedController {
  constructor(private readonly feeds: StaffFeedService) {}

  @Public()
  @Get(':token/calendar.ics')
  async feed(@Param('token') token: string, @Res() reply: FastifyReply) {
    reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
    const ics = await this.feeds.render(token);
    if (ics === null) return reply.code(404).type('text/plain; charset=utf-8').send('Kalendern finns inte.');
    reply.code(200).type('text/calendar; charset=utf-8').send(ics);
  }
}
