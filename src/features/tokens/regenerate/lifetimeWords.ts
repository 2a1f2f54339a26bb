import { DAY_MS, HOUR_MS, MINUTE_MS } from '../generate/expiryChoices';

const plural = (count: number, unit: string) => `${count} ${unit}${count === 1 ? '' : 's'}`;

/**
 * A lifetime in words, to the nearest minute: "30 days", "1 day, 2 hours and 30 minutes". A token made for 30
 * days by a client whose clock ran a second ahead of the server's still reads "30 days".
 */
export function lifetimeWords(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / MINUTE_MS));
  const parts = [
    { count: Math.floor((minutes * MINUTE_MS) / DAY_MS), unit: 'day' },
    { count: Math.floor(((minutes * MINUTE_MS) % DAY_MS) / HOUR_MS), unit: 'hour' },
    { count: minutes % 60, unit: 'minute' },
  ]
    .filter((part) => part.count > 0)
    .map((part) => plural(part.count, part.unit));
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)!}`;
}
