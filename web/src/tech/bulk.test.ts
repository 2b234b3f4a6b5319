import { describe, expect, test } from 'vitest';
import { runBulk, runMerge } from './bulk';

describe('runBulk', () => {
  test('collects successes and failures', async () => {
    const refused = new Error('refused');
    const result = await runBulk([1, 2, 3, 4], async (id) => {
      if (id % 2 === 0) throw refused;
      return id;
    });
    expect(result.succeeded).toEqual([1, 3]);
    expect(result.failed).toEqual([
      { id: 2, error: refused },
      { id: 4, error: refused },
    ]);
  });

  test('keeps the order of ids', async () => {
    const delays: Record<number, number> = { 5: 30, 6: 0, 7: 10 };
    const result = await runBulk([5, 6, 7], (id) => new Promise((resolve) => setTimeout(resolve, delays[id])), 3);
    expect(result.succeeded).toEqual([5, 6, 7]);
  });

  test('limits concurrent requests', async () => {
    let running = 0;
    let peak = 0;
    await runBulk([1, 2, 3, 4, 5, 6], async () => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, 1));
      running -= 1;
    }, 2);
    expect(peak).toBe(2);
  });

  test('empty selection does nothing', async () => {
    expect(await runBulk([], () => Promise.reject(new Error('never')))).toEqual({ succeeded: [], failed: [] });
  });
});

describe('runMerge', () => {
  test('target never merged into itself', async () => {
    const merged: number[] = [];
    const result = await runMerge([12, 11, 13], 11, async (id) => {
      merged.push(id);
    });
    expect(merged).toEqual([12, 13]);
    expect(result.succeeded).toEqual([12, 13]);
  });

  test('one merge at a time', async () => {
    let running = 0;
    let peak = 0;
    await runMerge([1, 2, 3, 4], 1, async () => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, 1));
      running -= 1;
    });
    expect(peak).toBe(1);
  });

  test('failures reported per ticket', async () => {
    const closed = new Error('closed');
    const result = await runMerge([5, 6, 7], 5, async (id) => {
      if (id === 6) throw closed;
    });
    expect(result).toEqual({ succeeded: [7], failed: [{ id: 6, error: closed }] });
  });
});
