import { randomBytes } from 'node:crypto';

/** The Redis at REDIS_URL (`npm test` starts one) and a key prefix of the caller's own. Never skips. */
export function testRedis(): { url: string; prefix: string } {
  const url = process.env.REDIS_URL;
  if (url === undefined || url === '') throw new Error('REDIS_URL is not set: run the tests with `npm test`, which starts a throwaway Redis');
  return { url, prefix: `ledger-test-${randomBytes(4).toString('hex')}` };
}
