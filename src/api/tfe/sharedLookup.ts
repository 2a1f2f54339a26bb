/**
 * A value asked for once per adapter: the first call starts `load`, every call meanwhile shares that promise, a
 * success is kept for good and a failure is forgotten, so the next call asks again. The load is not given any
 * caller's abort signal: one caller leaving must not fail the others.
 */
export function sharedLookup<A, T>(load: (argument: A) => Promise<T>): (argument: A) => Promise<T> {
  let pending: Promise<T> | undefined;
  return (argument) => {
    pending ??= load(argument).catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}
