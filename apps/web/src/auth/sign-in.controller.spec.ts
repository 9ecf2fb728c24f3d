import { safeReturnTo } from './sign-in.controller';

describe('where sign-in sends someone afterwards', () => {
  it.each(['/', '/placements/new', '/returns/weekly?weekCommencing=2026-11-16', '/placements/3f0c/commission#provider', '/signed-out'])(
    'keeps a path on this service: %s', (path) => {
      expect(safeReturnTo(path)).toBe(path);
    });

  it.each([
    ['a protocol-relative URL', '//evil.example/phish'],
    ['a backslash that browsers read as a slash', '/\\evil.example'],
    ['a backslash after the first character', '\\/evil.example'],
    ['a tab or newline that browsers strip', '/\t/evil.example'],
    ['a line break in the path', '/placements\r\n/evil'],
    ['an absolute https URL', 'https://evil.example/'],
    ['an absolute URL on this host', 'http://127.0.0.1:3000/placements'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a relative path', 'placements'],
    ['the sign-in pages themselves', '/sign-in?returnTo=/'],
    ['the sign-out page', '/sign-out'],
    ['the OIDC callback', '/auth/callback?code=x&state=y'],
    ['an empty string', ''],
  ])('refuses %s and sends them home', (_what, value) => {
    expect(safeReturnTo(value)).toBe('/');
  });

  it.each([undefined, null, 42, ['/placements']])('refuses a value that is not a string: %p', (value) => {
    expect(safeReturnTo(value)).toBe('/');
  });
});
