/**
 * Text that is not valid Unicode: JSON and JavaScript strings can hold half of a UTF-16 surrogate pair (`\ud800`),
 * which is no character; PostgreSQL's UTF-8 would store it as U+FFFD, silently changing what was sent.
 */
const LONE_SURROGATE = /\p{Cs}/u;

export const LONE_SURROGATE_MESSAGE =
  'Text must be valid Unicode: it has a lone surrogate (half of a UTF-16 pair, such as \\ud800), which is no character.';

export function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text);
}
