import type * as OpenIdClient from 'openid-client';
import { ROLES, type OidcSignInConfig, type Role } from '@ledger/application';
import type { WebUser } from './web-user';

/** The provider answered, but the person has no role the ledger knows: they may not sign in. */
export class NoLedgerRole extends Error {}

/** What is kept in the session between sending someone to the provider and their return. */
export interface PendingSignIn {
  readonly codeVerifier: string;
  readonly state: string;
  readonly nonce: string;
  readonly returnTo: string;
}

/** Claim values (a string, or an array of them) mapped to the ledger's roles; a role's own name counts as itself. */
export function rolesFromClaim(claim: unknown, roleMap: Readonly<Record<string, string>>): Role[] {
  const values = Array.isArray(claim) ? claim : typeof claim === 'string' ? claim.split(/[\s,]+/) : [];
  const roles = new Set<Role>();
  for (const value of values) {
    if (typeof value !== 'string') continue;
    const mapped = roleMap[value] ?? value;
    if (ROLES.includes(mapped as Role)) roles.add(mapped as Role);
  }
  return ROLES.filter((role) => roles.has(role));
}

/**
 * Authorization code with PKCE against any OpenID Connect issuer (Entra ID, Okta, Keycloak) through
 * openid-client. The issuer's metadata is discovered at the first sign-in, so the ledger starts even
 * while the provider is unreachable. openid-client is an ES module, loaded when first needed.
 */
export class OidcSignIn {
  private discovered?: Promise<{ client: typeof OpenIdClient; configuration: OpenIdClient.Configuration }>;

  constructor(private readonly settings: OidcSignInConfig) {}

  get issuer(): string {
    return this.settings.issuer;
  }

  private discover() {
    this.discovered ??= (async () => {
      const client = await import('openid-client');
      const insecure = new URL(this.settings.issuer).protocol === 'http:';
      const configuration = await client.discovery(
        new URL(this.settings.issuer), this.settings.clientId, this.settings.clientSecret,
        this.settings.clientAuthMethod === 'none' ? client.None()
          : this.settings.clientAuthMethod === 'client_secret_basic' ? client.ClientSecretBasic(this.settings.clientSecret) : client.ClientSecretPost(this.settings.clientSecret),
        insecure ? { execute: [client.allowInsecureRequests] } : undefined,
      );
      return { client, configuration };
    })();
    this.discovered.catch(() => { this.discovered = undefined; });
    return this.discovered;
  }

  async start(returnTo: string): Promise<{ url: string; pending: PendingSignIn }> {
    const { client, configuration } = await this.discover();
    const codeVerifier = client.randomPKCECodeVerifier();
    const pending = { codeVerifier, state: client.randomState(), nonce: client.randomNonce(), returnTo };
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.settings.redirectUrl,
      scope: this.settings.scopes,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
    });
    return { url: url.href, pending };
  }

  /** Exchanges the code (checking state, nonce and the PKCE verifier) and reads who signed in, in which roles. */
  async complete(callbackQuery: string, pending: PendingSignIn, now: number): Promise<WebUser> {
    const { client, configuration } = await this.discover();
    const currentUrl = new URL(this.settings.redirectUrl);
    currentUrl.search = callbackQuery;
    const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
      pkceCodeVerifier: pending.codeVerifier, expectedState: pending.state, expectedNonce: pending.nonce, idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (claims === undefined) throw new NoLedgerRole('The identity provider sent no ID token');
    // In the code flow a provider may keep scope claims out of the ID token (OIDC Core 5.4): then ask userinfo.
    const person: Readonly<Record<string, unknown>> = claims[this.settings.rolesClaim] === undefined && tokens.access_token !== undefined
      ? { ...(await client.fetchUserInfo(configuration, tokens.access_token, claims.sub)), ...claims }
      : claims;
    const roles = rolesFromClaim(person[this.settings.rolesClaim], this.settings.roleMap);
    if (roles.length === 0) {
      throw new NoLedgerRole(`Your account (${claims.sub}) has no role in the placement ledger. Ask your administrator to give you one.`);
    }
    const name = typeof person.name === 'string' ? person.name : typeof person.email === 'string' ? person.email : claims.sub;
    return { id: claims.sub, name, roles, signedInWith: this.settings.issuer, signedInAt: now };
  }

  async signOutUrl(postLogoutRedirect: string): Promise<string | undefined> {
    try {
      const { client, configuration } = await this.discover();
      if (configuration.serverMetadata().end_session_endpoint === undefined) return undefined;
      return client.buildEndSessionUrl(configuration, { post_logout_redirect_uri: postLogoutRedirect, client_id: this.settings.clientId }).href;
    } catch {
      return undefined;
    }
  }
}
