import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../app';
import { expectRefused, signInForm } from '../test/signInForm';
import {
  BACKENDS,
  createTestStorage,
  SKIP_POSTGRES_REASON,
  startTestServer,
  TestClock,
  type TestStorage,
} from '../test/testServer';

const MINUTE = 60_000;
const from = (address: string) => ({ 'x-forwarded-for': address });

/** Signs in with the right password from `address`; the HTTP status of the form's answer otherwise. */
async function signInFrom(url: string, email: string, password: string, address: string): Promise<'signed in' | number> {
  const form = await signInForm(url);
  const response = await form.submit(email, password, from(address));
  if (response.status !== 303) return response.status;
  return (await form.browser.finishSignIn(response)).accessToken ? 'signed in' : response.status;
}

describe.each(BACKENDS)('failed sign-ins of others on $name', (backend) => {
  if (!backend.available) {
    it.skip(SKIP_POSTGRES_REASON, () => {});
    return;
  }

  let storage: TestStorage;
  let server: RunningServer;
  const clock = new TestClock();

  beforeAll(async () => {
    storage = await createTestStorage(backend);
    server = await startTestServer(storage, clock.now, { trustProxy: true });
  });
  afterAll(async () => {
    await server?.close();
    await storage?.cleanup();
  });

  it('never keep the owner out: a guesser failing every 2 minutes for 6 hours at one address', async () => {
    const answers: Record<string, number> = {};
    for (let minute = 0; minute < 6 * 60; minute += 2) {
      const status = await signInFrom(server.url, 'admin@example.com', `guess ${minute}`, '203.0.113.66');
      answers[status] = (answers[status] ?? 0) + 1;
      if (minute % 30 === 0) {
        // The owner, each time from an address never seen before, so that no allowance for a known one helps.
        expect(await signInFrom(server.url, 'admin@example.com', 'admin', `198.51.100.${minute / 30}`)).toBe('signed in');
      }
      clock.advance(2 * MINUTE);
    }
    // The guesser was held to the strict limit of one account at one address: 5 at once, then one every 3 minutes.
    expect(answers[401]).toBeLessThanOrEqual(5 + (6 * 60) / 3);
    expect(answers[429]).toBeGreaterThan(50);
  });

  it('count email variants (case, surrounding spaces) as one account', async () => {
    const variants = ['ADMIN@example.com ', ' Admin@Example.COM', 'admin@EXAMPLE.com\t', 'aDmIn@example.com', ' admin@example.com '];
    const form = await signInForm(server.url);
    for (const variant of variants) expect((await form.submit(variant, 'wrong', from('203.0.113.77'))).status).toBe(401);
    const refused = await form.submit('admin@example.com', 'admin', from('203.0.113.77'));
    expect(await expectRefused(refused, 'admin@example.com', /Too many failed sign-ins for this account\./)).toBe('180');
    clock.advance(15 * MINUTE);
  });

  it('hold a guesser spread over many addresses at the account-wide limit, but not the owner at a known address', async () => {
    expect(await signInFrom(server.url, 'aws@example.com', 'aws', '192.0.2.10')).toBe('signed in');
    // 40 addresses, 5 guesses each (every one within its strict limit), with the email's variants mixed in.
    const statuses = (
      await Promise.all(
        Array.from({ length: 40 }, async (_, index) => {
          const form = await signInForm(server.url);
          const answers: number[] = [];
          for (let guess = 0; guess < 5; guess += 1) {
            const email = guess % 2 ? 'AWS@example.com ' : 'aws@example.com';
            answers.push((await form.submit(email, `guess ${guess}`, from(`203.0.114.${index}`))).status);
          }
          return answers;
        }),
      )
    ).flat();
    expect(statuses.filter((status) => status === 401)).toHaveLength(100);
    expect(statuses.filter((status) => status === 429)).toHaveLength(100);

    const form = await signInForm(server.url);
    const newAddress = await form.submit('aws@example.com', 'aws', from('192.0.2.99'));
    expect(await expectRefused(newAddress, 'aws@example.com', /Too many failed sign-ins for this account\. Try again in 36 seconds\./)).toBe('36');
    expect(await signInFrom(server.url, 'aws@example.com', 'aws', '192.0.2.10')).toBe('signed in');

    clock.advance(36_000);
    expect(await signInFrom(server.url, 'aws@example.com', 'aws', '192.0.2.99')).toBe('signed in');
  });
});
