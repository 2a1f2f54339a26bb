import { describe, expect, it } from 'vitest';
import { describeOnEachBackend, useTestDatabase } from '../test/testServer';
import { isReadOnlyStatement, ReadsUntilWrite } from './readsUntilWrite';

/** A read that counts its runs; each run answers (or fails) when the test says so. */
function controlledRead() {
  const runs: { answer: (value: number) => void; fail: (error: Error) => void }[] = [];
  const run = () => new Promise<number>((answer, fail) => runs.push({ answer, fail }));
  return { runs, run };
}

describe('reads kept until the next write', () => {
  it('answers a key once until a write, then reads again', async () => {
    const reads = new ReadsUntilWrite();
    let runs = 0;
    const read = () => Promise.resolve(++runs);
    expect(await reads.read('a', read)).toBe(1);
    expect(await reads.read('a', read)).toBe(1);
    expect(await reads.read('b', read)).toBe(2);
    reads.wrote();
    expect(await reads.read('a', read)).toBe(3);
    expect(await reads.read('b', read)).toBe(4);
  });

  it('shares one running read between callers', async () => {
    const reads = new ReadsUntilWrite();
    const { runs, run } = controlledRead();
    const first = reads.read('a', run);
    const second = reads.read('a', run);
    runs[0]!.answer(7);
    expect(await Promise.all([first, second])).toEqual([7, 7]);
    expect(runs).toHaveLength(1);
  });

  it('does not keep a read that was running when a write completed: it may have run before it', async () => {
    const reads = new ReadsUntilWrite();
    const { runs, run } = controlledRead();
    const before = reads.read('a', run);
    reads.wrote();
    const after = reads.read('a', run);
    expect(runs).toHaveLength(2);
    runs[1]!.answer(2);
    runs[0]!.answer(1);
    expect([await before, await after]).toEqual([1, 2]);
    // The first read finishing last does not push out the one that started after the write.
    expect(await reads.read('a', run)).toBe(2);
    expect(runs).toHaveLength(2);
  });

  it('does not keep a read that failed', async () => {
    const reads = new ReadsUntilWrite();
    const { runs, run } = controlledRead();
    const failed = reads.read('a', run);
    runs[0]!.fail(new Error('database unavailable'));
    await expect(failed).rejects.toThrow('database unavailable');
    const again = reads.read('a', run);
    runs[1]!.answer(1);
    expect(await again).toBe(1);
  });

  it('counts only plain SELECTs as reads', () => {
    expect(isReadOnlyStatement('SELECT 1')).toBe(true);
    expect(isReadOnlyStatement('\n  select owner FROM token_list_version')).toBe(true);
    for (const sql of ['UPDATE pat SET deleted = true', 'WITH gone AS (DELETE FROM pat RETURNING id) SELECT 1', 'INSERT INTO t VALUES (1)', 'SELECTED']) {
      expect(isReadOnlyStatement(sql)).toBe(false);
    }
  });
});

describeOnEachBackend('a database\'s kept reads', (backend) => {
  const handle = useTestDatabase(backend);
  let runs = 0;
  const read = () => handle.db.keptUntilWrite('runs', async () => ++runs);

  if (backend.name === 'PGlite') {
    it('keeps a read until this process writes, by a statement or a transaction: no other process can', async () => {
      await handle.db.query('CREATE TABLE kept_read_test (n int)');
      const first = await read();
      await handle.db.query('SELECT n FROM kept_read_test');
      expect(await read()).toBe(first);
      await handle.db.query('INSERT INTO kept_read_test VALUES (1)');
      expect(await read()).toBe(first + 1);
      expect(await read()).toBe(first + 1);
      await handle.db.transaction((tx) => tx.query('SELECT n FROM kept_read_test'));
      expect(await read()).toBe(first + 2);
      await expect(handle.db.query('INSERT INTO no_such_table VALUES (1)')).rejects.toThrow();
      expect(await read()).toBe(first + 3);
    });
  } else {
    it('reads every time: another server process may have written', async () => {
      const first = await read();
      expect(await read()).toBe(first + 1);
      expect(await read()).toBe(first + 2);
    });
  }
});
