import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { addDays, isIsoDate, parseInstant, stockholmDate } from './stockholm-date.js';

describe('stockholmDate', () => {
  it('follows winter time (+01:00) and summer time (+02:00), unlike a fixed offset', () => {
    // 23:30 UTC on 27 March 2021 is 00:30 CET on the 28th.
    assert.equal(stockholmDate('2021-03-27T23:30:00Z'), '2021-03-28');
    // 22:30 UTC on 28 March 2021 is already 00:30 CEST on the 29th; a fixed +01:00 would say the 28th.
    assert.equal(stockholmDate('2021-03-28T22:30:00Z'), '2021-03-29');
    assert.equal(stockholmDate('2021-03-28T21:30:00Z'), '2021-03-28');
    // Summer evening: 23:30 UTC on 30 June is 01:30 on 1 July in Stockholm.
    assert.equal(stockholmDate(new Date('2021-06-30T23:30:00Z')), '2021-07-01');
  });

  it('reads offsets given in the string', () => {
    assert.equal(stockholmDate('2021-06-10T00:15:00+02:00'), '2021-06-10');
    assert.equal(stockholmDate('2021-06-10T00:15:00-05:00'), '2021-06-10');
  });

  it('refuses instants without a zone, or unreadable ones', () => {
    assert.equal(stockholmDate('2021-06-10T18:00:00'), null);
    assert.equal(stockholmDate('2021-06-10'), null);
    assert.equal(stockholmDate('not a date'), null);
    assert.equal(stockholmDate(new Date(Number.NaN)), null);
    assert.equal(parseInstant(42), null);
  });
});

describe('isIsoDate / addDays', () => {
  it('accepts only real calendar dates', () => {
    assert.equal(isIsoDate('2021-02-28'), true);
    assert.equal(isIsoDate('2020-02-29'), true);
    assert.equal(isIsoDate('2021-02-29'), false);
    assert.equal(isIsoDate('2021-2-1'), false);
    assert.equal(isIsoDate(null), false);
  });

  it('adds days across month and year ends', () => {
    assert.equal(addDays('2021-12-31', 1), '2022-01-01');
    assert.equal(addDays('2021-03-01', -1), '2021-02-28');
  });
});
