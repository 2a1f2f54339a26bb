import { describe, expect, it } from 'vitest';
import { ApiError, tooManyRequestsMessage } from './ApiError';

describe('ApiError', () => {
  it('keeps the field and the wait the server named', () => {
    const cause = new Error('wire');
    const error = new ApiError(422, 'Description has already been taken', { field: 'description', cause });
    expect(error).toMatchObject({ status: 422, field: 'description', retryAfterSeconds: undefined });
    expect(error.cause).toBe(cause);
    expect(new ApiError(429, 'slow down', { retryAfterSeconds: 3 }).retryAfterSeconds).toBe(3);
  });

  it('has no cause unless one is given', () => {
    expect('cause' in new ApiError(404, 'gone')).toBe(false);
  });
});

describe('tooManyRequestsMessage', () => {
  it.each([
    [undefined, 'Too many requests (429). Wait a moment and try again.'],
    [0, 'Too many requests (429). Wait a moment and try again.'],
    [1, 'Too many requests (429). Wait 1 second and try again.'],
    [12, 'Too many requests (429). Wait 12 seconds and try again.'],
    [119, 'Too many requests (429). Wait 119 seconds and try again.'],
    [180, 'Too many requests (429). Wait 3 minutes and try again.'],
    [181, 'Too many requests (429). Wait 4 minutes and try again.'],
  ])('says to wait (%s s)', (seconds, message) => {
    expect(tooManyRequestsMessage(seconds)).toBe(message);
  });
});
