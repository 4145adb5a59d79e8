import { describe, it } from '@jest/globals';
import assert from 'node:assert/strict';
import { AppLogger, redactPersonalData } from './app-logger.js';
import { requestIds } from './request-id.js';

class Probe extends AppLogger {
  json(message: unknown) {
    return this.getJsonLogObject(message, { context: 'Test', logLevel: 'warn' });
  }
  text(message: unknown) {
    return this.stringifyMessage(message, 'warn');
  }
}

describe('AppLogger', () => {
  it('masks e-mail addresses and personal identity numbers', () => {
    assert.equal(
      redactPersonalData('550 5.1.1 <anna.andersson@uddevalla.se>: Recipient rejected; pnr 19800101-1234, 800101+1234'),
      '550 5.1.1 <<e-post>>: Recipient rejected; pnr <personnummer>, <personnummer>',
    );
    assert.equal(redactPersonalData('Training reminders for 3f1c on 2026-12-02: 4 e-mailed'), 'Training reminders for 3f1c on 2026-12-02: 4 e-mailed');
  });

  it('adds the request id to JSON and text lines inside a request, and masks both', () => {
    const probe = new Probe({ json: true });
    const outside = probe.json('Delivery to a member failed: erik@orust.se');
    assert.equal(outside.message, 'Delivery to a member failed: <e-post>');
    assert.equal(outside.requestId, undefined);
    requestIds.run('req-12345678', () => {
      const inside = probe.json('hello');
      assert.equal(inside.requestId, 'req-12345678');
      assert.equal(probe.text('to kim@lysekil.se'), 'to <e-post> [request req-12345678]');
    });
  });
});
