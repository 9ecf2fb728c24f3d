import { isDatabaseOutage } from './outage';

describe('telling a database outage from a bad request', () => {
  it.each([
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['a connection exception', Object.assign(new Error('connection failure'), { code: '08006' })],
    ['an administrator shutdown', Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })],
    ['a database closed to connections', Object.assign(new Error('database "ledger" is not currently accepting connections'), { code: '55000' })],
    ['a dropped connection', new Error('Connection terminated unexpectedly')],
    ['an outage wrapped as a cause', new Error('The append failed', { cause: Object.assign(new Error('x'), { code: '57P03' }) })],
    ['every address refused', new AggregateError([Object.assign(new Error('refused'), { code: 'ECONNREFUSED' })], 'connect failed')],
  ])('is an outage: %s', (_what, error) => {
    expect(isDatabaseOutage(error)).toBe(true);
  });

  it.each([
    ['a check violation', Object.assign(new Error('violates check constraint'), { code: '23514' })],
    ['a syntax error', Object.assign(new Error('syntax error'), { code: '42601' })],
    ['a plain bug', new TypeError('x is not a function')],
    ['not an error at all', 'oops'],
  ])('is not an outage: %s', (_what, error) => {
    expect(isDatabaseOutage(error)).toBe(false);
  });
});
