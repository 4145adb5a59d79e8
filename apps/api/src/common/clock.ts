import { Global, Injectable, Module } from '@nestjs/common';

/**
 * Where "now" comes from for anything that decides by time (room windows, join links, job
 * schedules). One injectable clock, so tests can stand one second either side of an edge
 * without sleeping.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}

@Global()
@Module({ providers: [Clock], exports: [Clock] })
export class ClockModule {}
