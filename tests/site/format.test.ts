import { describe, expect, it } from 'vitest';
import { formatDate, formatMonth, monthKey } from '../../src/site/history.ts';
import { capitalize, formatBand, formatChange, formatMoney, formatPercent, humanize, trackWithKind } from '../../src/site/format.ts';

describe('site formatting', () => {
  it('writes money in the ladder currency without cents', () => {
    expect(formatMoney(185000, 'USD')).toBe('$185,000');
    expect(formatMoney(52000.5, 'EUR')).toBe('€52,001');
    expect(formatMoney(9000000, 'JPY')).toBe('¥9,000,000');
    expect(formatBand({ min: 185000, max: 240000 }, 'USD')).toBe('$185,000 – $240,000');
    expect(formatBand({ min: 1000, max: 1000 }, 'GBP')).toBe('£1,000');
  });

  it('writes changes with a sign', () => {
    expect(formatChange(35000, 'USD')).toBe('+$35,000');
    expect(formatChange(-5000, 'USD')).toBe('−$5,000');
    expect(formatChange(0, 'USD')).toBe('no change');
    expect(formatPercent(35000, 185000)).toBe('+19%');
    expect(formatPercent(1, 0)).toBe('');
  });

  it('turns slugs into words', () => {
    expect(humanize('technical-direction')).toBe('technical direction');
    expect(capitalize('company')).toBe('Company');
  });

  it('names a track with its kind once', () => {
    expect(trackWithKind('Engineering, individual contributor', 'individual-contributor')).toBe('Engineering, individual contributor');
    expect(trackWithKind('Engineering, management', 'management')).toBe('Engineering, management');
    expect(trackWithKind('Engineering IC', 'individual-contributor')).toBe('Engineering IC');
    expect(trackWithKind('Research', 'management')).toBe('Research (management)');
    expect(trackWithKind('Science', 'individual-contributor')).toBe('Science (individual contributor)');
  });

  it("dates a change by the day and month in its committer's time zone, not the building machine's", () => {
    // Late on March 31 in San Francisco is already April 1 in UTC.
    expect(formatDate('2025-03-31T23:30:00-08:00')).toBe('March 31, 2025');
    expect(formatMonth('2025-03-31T23:30:00-08:00')).toBe('March 2025');
    expect(monthKey('2025-03-31T23:30:00-08:00')).toBe('2025-03');
    expect(formatDate('2025-04-01T00:15:00+09:00')).toBe('April 1, 2025');
    expect(formatDate('not a date')).toBe('not a date');
  });
});
