import { describe, expect, it } from 'vitest';
import { expectRefused, signInForm } from '../test/signInForm';
import { BACKENDS, describeOnEachBackend, TestClock, useTestServer } from '../test/testServer';

const MINUTE = 60_000;

describeOnEachBackend('failed sign-ins', (backend) => {
  const clock = new TestClock();
  const server = useTestServer(backend, {}, clock);

  it('allow 5 wrong passwords per account, then 429 with Retry-After, even for the right one, until the wait is over', async () => {
    const form = await signInForm(server.url);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await form.submit('admin@example.com', `guess ${attempt}`)).status).toBe(401);
    }
    const wrong = await form.submit('admin@example.com', 'guess 5');
    expect(await expectRefused(wrong, 'admin@example.com', /Too many failed sign-ins for this account\. Try again in 3 minutes\./)).toBe('180');
    const right = await form.submit('admin@example.com', 'admin');
    expect(await expectRefused(right, 'admin@example.com', /Try again in 3 minutes/)).toBe('180');

    clock.advance(3 * MINUTE - 1000);
    expect(await expectRefused(await form.submit('admin@example.com', 'admin'), 'admin@example.com', /Try again in 1 second\./)).toBe('1');
    clock.advance(1000);
    expect((await form.browser.finishSignIn(await form.submit('admin@example.com', 'admin'))).accessToken).toBeTruthy();
  });

  it('forget the failures of an account once its person signs in', async () => {
    const form = await signInForm(server.url);
    for (let attempt = 0; attempt < 4; attempt += 1) expect((await form.submit('aws@example.com', 'wrong')).status).toBe(401);
    await form.browser.finishSignIn(await form.submit('aws@example.com', 'aws'));
    const again = await signInForm(server.url);
    for (let attempt = 0; attempt < 5; attempt += 1) expect((await again.submit('aws@example.com', 'wrong')).status).toBe(401);
    expect((await again.submit('aws@example.com', 'aws')).status).toBe(429);
    clock.advance(15 * MINUTE);
  });

  it('let no burst of concurrent guesses past the limit: of 300 at once, 5 are checked', async () => {
    const form = await signInForm(server.url);
    const responses = await Promise.all(
      Array.from({ length: 300 }, (_, index) => form.submit('azure@example.com', `guess ${index}`)),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(295);
    expect((await form.submit('azure@example.com', 'azure')).status).toBe(429);
    clock.advance(15 * MINUTE);
  });

  it('allow 30 failures per client address across accounts, ignoring X-Forwarded-For without TRUST_PROXY', async () => {
    const form = await signInForm(server.url);
    for (let attempt = 0; attempt < 30; attempt += 1) {
      const response = await form.submit(`guess-${attempt % 10}@example.com`, 'wrong', { 'x-forwarded-for': `203.0.113.${attempt}` });
      expect(response.status).toBe(401);
    }
    const refused = await form.submit('gcp@example.com', 'gcp', { 'x-forwarded-for': '198.51.100.1' });
    expect(await expectRefused(refused, 'gcp@example.com', /Too many failed sign-ins from your network\. Try again in 30 seconds\./)).toBe('30');
    clock.advance(30_000);
    expect((await form.browser.finishSignIn(await form.submit('gcp@example.com', 'gcp'))).accessToken).toBeTruthy();
    clock.advance(15 * MINUTE);
  });

  it('let many people sign in from one address: successful sign-ins are not counted', async () => {
    for (let person = 0; person < 40; person += 1) {
      const form = await signInForm(server.url);
      await form.browser.finishSignIn(await form.submit('gcp@example.com', 'gcp'));
    }
  });
});

describe('failed sign-ins behind a trusted proxy', () => {
  const server = useTestServer(BACKENDS[0]!, { trustProxy: true });

  it.each([
    ['an IPv4 address', () => '203.0.113.7', '203.0.113.8'],
    // One IPv6 network (/64) is one address: its owner has all 2^64 of them.
    ['an IPv6 network', (attempt: number) => `2001:db8::${attempt.toString(16)}`, '2001:db8:0:1::1'],
  ])('are counted per %s from X-Forwarded-For', async (kind, limitedAddress, otherAddress) => {
    const form = await signInForm(server.url);
    for (let attempt = 0; attempt < 30; attempt += 1) {
      const email = `${kind.split(' ').pop()}-guess-${attempt % 10}@example.com`;
      const response = await form.submit(email, 'wrong', { 'x-forwarded-for': limitedAddress(attempt) });
      expect(response.status).toBe(401);
    }
    expect((await form.submit('admin@example.com', 'admin', { 'x-forwarded-for': limitedAddress(99) })).status).toBe(429);
    const elsewhere = await form.submit('admin@example.com', 'admin', { 'x-forwarded-for': otherAddress });
    expect((await form.browser.finishSignIn(elsewhere)).accessToken).toBeTruthy();
  });
});
