import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { type LexemeFrequencies, matchShareBound, SearchStatistics } from './search-statistics';

const stats: LexemeFrequencies = {
  byLexeme: new Map([
    ['delivery', 0.2],
    ['tracking', 0.03],
    ['chatbot', 0.034],
    ['e', 0.1],
    ['mail', 0.05],
  ]),
  floor: 0.002,
};

describe('matchShareBound', () => {
  it('is the rarest required word: every word of a search must be in a match', () => {
    expect(matchShareBound('chatbot', stats)).toBe(0.034);
    expect(matchShareBound('Delivery TRACKING', stats)).toBe(0.03);
    expect(matchShareBound('"delivery tracking"', stats)).toBe(0.03);
    expect(matchShareBound('delivery "chatbot tracking"', stats)).toBe(0.03);
  });

  it('counts a word PostgreSQL did not list as rarer than the rarest listed', () => {
    expect(matchShareBound('region2s', stats)).toBe(0.002);
    expect(matchShareBound('delivery region2s', stats)).toBe(0.002);
  });

  it('cuts words as the simple configuration does: lower case, letters and digits', () => {
    expect(matchShareBound('e-mail', stats)).toBe(0.05);
    expect(matchShareBound('Chatbot!', stats)).toBe(0.034);
    expect(matchShareBound('délivery', stats)).toBe(0.002);
  });

  it('ignores negated words and phrases, which only narrow the match', () => {
    expect(matchShareBound('delivery -chatbot', stats)).toBe(0.2);
    expect(matchShareBound('delivery -"chatbot tracking"', stats)).toBe(0.2);
  });

  it('cannot bound an or, or a search with no required word', () => {
    expect(matchShareBound('chatbot or region2s', stats)).toBeUndefined();
    expect(matchShareBound('chatbot OR region2s', stats)).toBeUndefined();
    expect(matchShareBound('-chatbot', stats)).toBeUndefined();
    expect(matchShareBound('  ', stats)).toBeUndefined();
    expect(matchShareBound('"" !!', stats)).toBeUndefined();
  });

  it('reads "or" inside a phrase as a word', () => {
    expect(matchShareBound('"delivery or tracking"', stats)).toBe(0.002);
  });
});

describe('SearchStatistics', () => {
  const fake = (rows: unknown[] | Error) => {
    const query = jest.fn(() => (rows instanceof Error ? Promise.reject(rows) : Promise.resolve(rows)));
    return { statistics: new SearchStatistics({ query } as unknown as DataSource), query };
  };
  const analyzed = [{ elems: ['chatbot', 'delivery', 'tracking'], freqs: [0.034, 0.2, 0.03, 0.03, 0.2, 0] }];

  it("reads PostgreSQL's counts once and walks only when the walk may hold more than a page", async () => {
    const { statistics, query } = fake(analyzed);
    // 5,000 × 3.4 % = 170 matches expected: worth walking for a page of 20, not of 200.
    await expect(statistics.walkMayFill('chatbot', 5000, 20)).resolves.toBe(true);
    await expect(statistics.walkMayFill('chatbot', 5000, 200)).resolves.toBe(false);
    // Unlisted: rarer than 3 % (the trailing minimum/maximum/null shares are not lexemes).
    await expect(statistics.walkMayFill('region2s', 5000, 20)).resolves.toBe(true);
    await expect(statistics.walkMayFill('region2s', 500, 20)).resolves.toBe(false);
    await expect(statistics.walkMayFill('chatbot or region2s', 500, 20)).resolves.toBe(true);
    expect(query).toHaveBeenCalledTimes(1);
    expect((await statistics.frequencies())?.floor).toBe(0.03);
  });

  it('walks every search while the table was never analyzed, or the counts cannot be read', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation();
    for (const rows of [[], [{ elems: null, freqs: null }], new Error('connection refused')]) {
      const { statistics } = fake(rows);
      await expect(statistics.walkMayFill('region2s', 1, 20)).resolves.toBe(true);
      await expect(statistics.frequencies()).resolves.toBeNull();
    }
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith('search statistics unavailable: connection refused');
    warn.mockRestore();
  });

  it('reads the counts again after ten minutes, answering with the last ones meanwhile', async () => {
    const { statistics, query } = fake(analyzed);
    const now = jest.spyOn(performance, 'now').mockReturnValue(1_000);
    try {
      await statistics.frequencies();
      now.mockReturnValue(1_000 + 9 * 60_000);
      await statistics.frequencies();
      expect(query).toHaveBeenCalledTimes(1);
      now.mockReturnValue(1_000 + 11 * 60_000);
      query.mockImplementation(() => Promise.resolve([{ elems: ['chatbot'], freqs: [0.5, 0.5, 0.5, 0] }]));
      // The stale counts answer at once; the new ones are there for the next search.
      expect((await statistics.frequencies())?.floor).toBe(0.03);
      await new Promise((r) => setImmediate(r));
      expect((await statistics.frequencies())?.floor).toBe(0.5);
      expect(query).toHaveBeenCalledTimes(2);
    } finally {
      now.mockRestore();
    }
  });
});
