import { describe, it } from '@jest/globals';
import assert from 'node:assert/strict';
import { jobId } from './job-id.js';

describe('job ids', () => {
  it('have a known, stable form for a known input, so a rescheduled job finds the existing one', () => {
    assert.equal(jobId('open-room', 'meeting-1', 2), 'open-room__meeting-1__2');
    assert.equal(jobId('send-links', 'a'), 'send-links__a');
  });

  it('differ when the kind or any part differs', () => {
    const ids = [
      jobId('open-room', 'a', 1),
      jobId('open-room', 'a', 2),
      jobId('open-room', 'b', 1),
      jobId('close-room', 'a', 1),
      jobId('open-room', 'a'),
      jobId('open-room', 'a', 1, 'x'),
    ];
    assert.equal(new Set(ids).size, ids.length);
  });

  it('never contain a colon (BullMQ 6 refuses those): a part with one is refused', () => {
    for (const id of [jobId('open-room', 'a', 1), jobId('k', '2026-01-01T10-00')]) assert.ok(!id.includes(':'), id);
    assert.throws(() => jobId('x', '2026-01-01T10:00'), /must not contain/);
    assert.throws(() => jobId('x:y'), /must not contain/);
  });
});
