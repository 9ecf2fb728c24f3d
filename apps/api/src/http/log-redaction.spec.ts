import { safeError, safeRequest } from './log-redaction';

describe('what the log keeps of an error', () => {
  it('keeps the kind, message, code and stack of a database error, and drops its parameters, query and detail', () => {
    const error = Object.assign(new Error('invalid input syntax for type uuid: "LAC-SECRET"'), {
      code: '22P02', params: ['LAC-SECRET', { childRef: 'LAC-SECRET', needs: ['mental health'] }], query: 'INSERT INTO ledger_events ...',
      detail: 'Key (child_ref)=(LAC-SECRET) already exists.',
    });
    const logged = JSON.stringify(safeError(error));
    expect(logged).not.toContain('LAC-SECRET');
    expect(logged).not.toContain('mental health');
    expect(logged).not.toContain('INSERT INTO');
    expect(safeError(error)).toMatchObject({ type: 'Error', code: '22P02', message: 'invalid input syntax for type uuid: "[redacted]"' });
  });

  it('keeps the causes the same way, and an application error whole', () => {
    const cause = Object.assign(new Error('boom "x"'), { code: '57P01', params: ['secret'] });
    const logged = safeError(new Error('The append failed', { cause }));
    expect(logged).toMatchObject({ message: 'The append failed', cause: { code: '57P01', message: 'boom "[redacted]"' } });
    expect(JSON.stringify(logged)).not.toContain('secret');
  });

  it('logs a request by method and path, never its query string', () => {
    expect(safeRequest({ id: 7, method: 'GET', url: '/placements?childRef=LAC-SECRET' } as never)).toEqual({ id: 7, method: 'GET', path: '/placements' });
  });
});
