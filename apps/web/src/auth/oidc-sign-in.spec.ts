import { rolesFromClaim } from './oidc-sign-in';

const ROLE_MAP = { 'ledger-commissioners': 'commissioner', 'Ledger.Finance': 'finance', 'heads-of-service': 'manager' };

describe('the roles claim an identity provider sends', () => {
  it('maps an array of group names through the role map, in the ledger’s order of roles', () => {
    expect(rolesFromClaim(['Ledger.Finance', 'ledger-commissioners'], ROLE_MAP)).toEqual(['commissioner', 'finance']);
  });

  it('splits a space- or comma-separated string', () => {
    expect(rolesFromClaim('ledger-commissioners Ledger.Finance', ROLE_MAP)).toEqual(['commissioner', 'finance']);
    expect(rolesFromClaim('heads-of-service,ledger-commissioners', ROLE_MAP)).toEqual(['commissioner', 'manager']);
    expect(rolesFromClaim(' heads-of-service , Ledger.Finance ', ROLE_MAP)).toEqual(['finance', 'manager']);
  });

  it('takes a ledger role’s own name as itself, with or without a map', () => {
    expect(rolesFromClaim(['admin', 'scheduler'], {})).toEqual(['admin', 'scheduler']);
    expect(rolesFromClaim(['finance', 'ledger-commissioners'], ROLE_MAP)).toEqual(['commissioner', 'finance']);
  });

  it('ignores values it does not know, non-strings, and a missing claim', () => {
    expect(rolesFromClaim(['all-staff', 'catering', 42, null, { role: 'admin' }], ROLE_MAP)).toEqual([]);
    expect(rolesFromClaim(undefined, ROLE_MAP)).toEqual([]);
    expect(rolesFromClaim(7, ROLE_MAP)).toEqual([]);
    expect(rolesFromClaim('', ROLE_MAP)).toEqual([]);
  });

  it('is case-sensitive, as group names are', () => {
    expect(rolesFromClaim(['Commissioner', 'LEDGER-COMMISSIONERS'], ROLE_MAP)).toEqual([]);
  });

  it('counts a role once however many values map to it', () => {
    expect(rolesFromClaim(['commissioner', 'ledger-commissioners'], ROLE_MAP)).toEqual(['commissioner']);
  });

  it('ignores a mapped value that names no ledger role', () => {
    expect(rolesFromClaim(['ledger-superusers'], { 'ledger-superusers': 'root' })).toEqual([]);
  });
});
