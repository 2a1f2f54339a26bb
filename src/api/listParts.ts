import type { ListPart } from './tokenApi';

/**
 * A list as parts: the backend's own stream where it has one, else the whole list as one part once it has come.
 * Screens read every list this way, whichever backend answers.
 */
export function listInParts<T>(
  stream: (() => AsyncIterable<ListPart<T>>) | undefined,
  list: () => Promise<T[]>,
): AsyncIterable<ListPart<T>> {
  if (stream) return stream();
  const whole = list(); // asked at once, as a plain query function would
  return (async function* oneWholePart() {
    yield { items: await whole, complete: true };
  })();
}
