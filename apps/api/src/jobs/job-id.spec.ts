import { describe, it } from '@jest/globals';
import assert from 'node:assert/strict';
import { jobId } from './job-id.js';

describe('job ids', () => {
  it('are the same for the same thing and refuse colons', () => {
    assert.equal(jobId('open-room', 'a', 1), jobId('open-room', 'a', 1));
    assert.notEqual(jobId('open-room', 'a'), jobId('close-room', 'a'));
    assert.throws(() => jobId('x', '2026-01-01T10:00'), /must not contain/);
  });
});
