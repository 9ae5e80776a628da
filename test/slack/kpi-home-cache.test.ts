import { describe, expect, it } from 'vitest';
import { KpiHomeCache } from '../../src/slack/kpi-home-cache.ts';
import { context } from '../../src/slack/views/elements.ts';

const MINUTE = 60_000;
const at = (minutes: number) => new Date(Date.UTC(2026, 10, 23, 10, 0) + minutes * MINUTE);

function counting() {
  const reads: Date[] = [];
  let fail = false;
  const read = async (now: Date) => {
    reads.push(now);
    if (fail) throw new Error('database away');
    return [context(`read ${reads.length}`)];
  };
  return { reads, read, failNext: (value: boolean) => (fail = value) };
}

describe('the KPIs on the leads’ Homes', () => {
  it('are read again only once they are five minutes old', async () => {
    const source = counting();
    const cache = new KpiHomeCache(source.read, 5 * MINUTE);
    expect(await cache.blocks(at(0))).toEqual([context('read 1')]);
    expect(await cache.blocks(at(4.99))).toEqual([context('read 1')]);
    expect(await cache.blocks(at(5))).toEqual([context('read 2')]);
    expect(source.reads).toEqual([at(0), at(5)]);
  });

  it('share one read between renders that arrive together', async () => {
    const source = counting();
    const cache = new KpiHomeCache(source.read, 5 * MINUTE);
    const [a, b] = await Promise.all([cache.blocks(at(0)), cache.blocks(at(0))]);
    expect(a).toBe(b);
    expect(source.reads).toHaveLength(1);
  });

  it('do not keep a failed read, nor trust a read from a clock that has moved back', async () => {
    const source = counting();
    const cache = new KpiHomeCache(source.read, 5 * MINUTE);
    source.failNext(true);
    await expect(cache.blocks(at(0))).rejects.toThrow('database away');
    source.failNext(false);
    expect(await cache.blocks(at(1))).toEqual([context('read 2')]);
    expect(await cache.blocks(at(0))).toEqual([context('read 3')]);
  });
});
