import { describe, it } from '@jest/globals';
import assert from 'node:assert/strict';
import { canTransition, isClosed, MeetingStatus, nextStatuses } from './meeting-status.js';

describe('meeting status', () => {
  it('follows planned → convened → in progress ⇄ recess → ended', () => {
    assert.ok(canTransition(MeetingStatus.PLANNED, MeetingStatus.CONVENED));
    assert.ok(canTransition(MeetingStatus.CONVENED, MeetingStatus.IN_PROGRESS));
    assert.ok(canTransition(MeetingStatus.IN_PROGRESS, MeetingStatus.RECESS));
    assert.ok(canTransition(MeetingStatus.RECESS, MeetingStatus.IN_PROGRESS));
    assert.ok(canTransition(MeetingStatus.RECESS, MeetingStatus.ENDED));
  });

  it('refuses skipping the notice and reopening the record', () => {
    assert.equal(canTransition(MeetingStatus.PLANNED, MeetingStatus.IN_PROGRESS), false);
    assert.equal(canTransition(MeetingStatus.ENDED, MeetingStatus.IN_PROGRESS), false);
    assert.equal(canTransition(MeetingStatus.IN_PROGRESS, MeetingStatus.CANCELLED), false);
    assert.deepEqual(nextStatuses(MeetingStatus.CANCELLED), []);
  });

  it('treats only ended and cancelled meetings as closed', () => {
    const closed = Object.values(MeetingStatus).filter(isClosed);
    assert.deepEqual(closed.sort(), [MeetingStatus.CANCELLED, MeetingStatus.ENDED].sort());
  });
});
