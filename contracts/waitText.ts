/**
 * A wait as a person reads it, in the server's sign-in page and the app alike: seconds under 2 minutes (where a
 * minute rounded up would double it), else whole minutes rounded up.
 */
export function waitText(seconds: number): string {
  if (seconds < 120) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
}
