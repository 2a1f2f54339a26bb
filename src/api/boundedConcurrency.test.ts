import { describe, expect, it } from 'vitest';
import { mapWithConcurrency } from './boundedConcurrency';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('mapWithConcurrency', () => {
  it('runs at most `limit` tasks at a time and keeps the order of the items', async () => {
    let running = 0;
    let most = 0;
    const results = await mapWithConcurrency([5, 1, 4, 2, 3, 0, 6], 3, async (item) => {
      running += 1;
      most = Math.max(most, running);
      for (let i = 0; i < item; i += 1) await tick();
      running -= 1;
      return item * 10;
    });
    expect(results).toEqual([50, 10, 40, 20, 30, 0, 60]);
    expect(most).toBe(3);
  });

  it('resolves an empty list without running anything', async () => {
    await expect(mapWithConcurrency([], 4, async () => 1)).resolves.toEqual([]);
  });

  it('rejects with the first failure and starts no further task', async () => {
    const started: number[] = [];
    const run = mapWithConcurrency([1, 2, 3, 4, 5], 2, async (item) => {
      started.push(item);
      await tick();
      if (item === 2) throw new Error('page 2 failed');
      return item;
    });
    await expect(run).rejects.toThrow('page 2 failed');
    await tick();
    await tick();
    expect(started).toEqual([1, 2, 3]);
  });
});
