/**
 * How often, at most, one server process deletes rows that mean nothing any more (expired provider rows, rate
 * limits back at zero), as it writes new ones: often enough that nobody can grow a table without bound, rarely
 * enough that the delete costs nothing noticeable.
 */
export const PURGE_INTERVAL_MS = 60_000;

/**
 * A purge run at most once per PURGE_INTERVAL_MS of the server clock `now`: the returned function runs `purge`
 * when one is due (the clock moving back counts as due) and returns the time it took as now.
 */
export function purgeSchedule(now: () => Date, purge: (now: Date) => Promise<unknown>): () => Promise<Date> {
  let lastPurge = now().getTime();
  return async () => {
    const current = now();
    if (Math.abs(current.getTime() - lastPurge) >= PURGE_INTERVAL_MS) {
      lastPurge = current.getTime();
      await purge(current);
    }
    return current;
  };
}
