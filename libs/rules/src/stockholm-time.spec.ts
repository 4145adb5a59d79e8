import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import {
  addDays,
  fromStockholmInput,
  isIsoDate,
  localDate,
  localTime,
  parseInstant,
  stockholmDate,
  stockholmToday,
  toStockholmInput,
} from './stockholm-time.js';

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

describe('Stockholm local time', () => {
  it('is UTC+1 in winter and UTC+2 in summer', () => {
    assert.equal(localTime(2026, 1, 15, 18).toISOString(), '2026-01-15T17:00:00.000Z');
    assert.equal(localTime(2026, 6, 15, 18).toISOString(), '2026-06-15T16:00:00.000Z');
  });

  it('handles the days the clocks change', () => {
    // 29 March 2026: 02:00 → 03:00; 25 October 2026: 03:00 → 02:00.
    assert.equal(localTime(2026, 3, 29, 1).toISOString(), '2026-03-29T00:00:00.000Z');
    assert.equal(localTime(2026, 3, 29, 4).toISOString(), '2026-03-29T02:00:00.000Z');
    assert.equal(localTime(2026, 10, 25, 12).toISOString(), '2026-10-25T11:00:00.000Z');
  });

  it('gives the local calendar date near midnight', () => {
    assert.equal(localDate(new Date('2026-06-14T22:30:00Z')), '2026-06-15');
    assert.equal(localDate(new Date('2026-01-14T22:30:00Z')), '2026-01-14');
  });
});

describe("the admin's datetime-local inputs", () => {
  it("shows an instant in Stockholm wall time, whatever the browser's zone", () => {
    assert.equal(toStockholmInput('2026-01-15T17:00:00.000Z'), '2026-01-15T18:00');
    assert.equal(toStockholmInput('2026-06-15T16:00:00Z'), '2026-06-15T18:00');
    assert.equal(toStockholmInput(''), '');
    assert.equal(toStockholmInput('not a date'), '');
  });

  it('reads wall time back as an instant, summer time included, and refuses anything else', () => {
    assert.equal(fromStockholmInput('2026-01-15T18:00'), '2026-01-15T17:00:00.000Z');
    assert.equal(fromStockholmInput('2026-06-15T18:00'), '2026-06-15T16:00:00.000Z');
    assert.equal(fromStockholmInput('2026-03-29T04:00'), '2026-03-29T02:00:00.000Z');
    assert.equal(fromStockholmInput(toStockholmInput('2026-10-25T11:00:00Z')), '2026-10-25T11:00:00.000Z');
    assert.equal(fromStockholmInput('18:00'), null);
  });

  it("gives today's Stockholm date for the clock it is handed", () => {
    assert.equal(stockholmToday(new Date('2026-06-14T22:30:00Z')), '2026-06-15');
  });
});
