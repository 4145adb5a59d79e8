import { afterAll, beforeAll, describe, it } from '@jest/globals';
import assert from 'node:assert/strict';
import { SmtpMailer } from '@motesplats/api/notifications/mailer.js';
import { startSmtpSink } from '../support/smtp-sink.js';

describe('e-mail over SMTP', () => {
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(() => sink.close());

  it('delivers a message with an iCalendar invitation to a real SMTP server', async () => {
    const mailer = new SmtpMailer(sink.url, 'Mötesplats <no-reply@motesplats.test>');
    const ics = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n';
    await mailer.send({ to: 'ledamot@uddevalla.example', subject: 'Kallelse', text: 'Välkommen', icalEvent: { method: 'REQUEST', content: ics } });
    assert.equal(sink.received.length, 1);
    const [mail] = sink.received;
    assert.deepEqual(mail!.to, ['ledamot@uddevalla.example']);
    assert.match(mail!.raw, /Subject: Kallelse/);
    assert.match(mail!.raw, /text\/calendar; charset=utf-8; method=REQUEST/i);
  });
});
