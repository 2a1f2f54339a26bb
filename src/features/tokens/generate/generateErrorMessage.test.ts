import { describe, expect, it } from 'vitest';
import { ApiError, NETWORK_ERROR_MESSAGE } from '../../../api/ApiError';
import { generateErrorMessage, SESSION_ENDED_MESSAGE } from './generateErrorMessage';

describe('generateErrorMessage', () => {
  it('says what happened for each kind of failure', () => {
    expect(generateErrorMessage(new ApiError(0, 'fetch failed'))).toBe(NETWORK_ERROR_MESSAGE);
    expect(generateErrorMessage(new ApiError(401, 'Unauthorized'))).toBe(SESSION_ENDED_MESSAGE);
    expect(generateErrorMessage(new ApiError(400, 'Description is too long.'))).toBe('Description is too long.');
    expect(generateErrorMessage(new ApiError(403, 'You are not a member of TERRAKUBE_ADMIN.'))).toBe(
      'You are not a member of TERRAKUBE_ADMIN.',
    );
    expect(generateErrorMessage(new ApiError(500, 'Internal Server Error'))).toBe(
      'The server failed to generate the token (500). Try again.',
    );
    expect(generateErrorMessage(new ApiError(503, ''))).toMatch(/\(503\)\. Try again\./);
    expect(generateErrorMessage(new Error('boom'))).toMatch(/not generated/);
  });

  it('says how long to wait when the server limits generating (429), whatever its own words', () => {
    const limited = new ApiError(429, 'You have generated 500 tokens in 10 minutes.', { retryAfterSeconds: 2 });
    expect(generateErrorMessage(limited)).toBe('Too many requests (429). Wait 2 seconds and try again.');
    expect(generateErrorMessage(new ApiError(429, 'Too Many Requests', { retryAfterSeconds: 600 }))).toBe(
      'Too many requests (429). Wait 10 minutes and try again.',
    );
    expect(generateErrorMessage(new ApiError(429, 'Too Many Requests'))).toBe('Too many requests (429). Wait a moment and try again.');
  });
});
