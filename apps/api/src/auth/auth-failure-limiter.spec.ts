import { AuthFailureLimiter, TooManyAuthFailuresError } from './auth-failure-limiter';

describe('refused authentications from one client', () => {
  const at = { now: 0 };
  const limiter = () => new AuthFailureLimiter({ limit: 3, windowMs: 1000, blockMs: 5000 }, () => at.now);

  it('are allowed up to the limit in the window, then block the client for the block time with a Retry-After', () => {
    at.now = 0;
    const l = limiter();
    for (let i = 0; i < 3; i++) l.failed('a');
    expect(() => l.check('a')).not.toThrow();
    l.failed('a');
    expect(() => l.check('a')).toThrow(TooManyAuthFailuresError);
    at.now = 1200;
    expect(() => l.check('a')).toThrow(expect.objectContaining({ retryAfterSeconds: 4 }));
    expect(() => l.check('b')).not.toThrow();
    at.now = 5000;
    expect(() => l.check('a')).not.toThrow();
  });

  it('forget failures older than the window', () => {
    at.now = 0;
    const l = limiter();
    for (let i = 0; i < 3; i++) l.failed('a');
    at.now = 1500;
    l.failed('a');
    expect(() => l.check('a')).not.toThrow();
  });
});
