import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Clock } from '@motesplats/api/common/clock.js';

/** Stands the running app's clock at a given instant, so tests step across edges without sleeping. */
export function fixClock(app: NestFastifyApplication): { set: (at: Date | string) => void; reset: () => void } {
  const clock = app.get(Clock);
  return {
    set: (at) => {
      const fixed = new Date(at);
      clock.now = () => new Date(fixed);
    },
    reset: () => {
      clock.now = Clock.prototype.now;
    },
  };
}
