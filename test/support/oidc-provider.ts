import { generateKeyPairSync, randomBytes } from 'node:crypto';
import * as http from 'node:http';
import * as net from 'node:net';

/** Someone the test provider knows: their subject, display name and the values of the roles claim. */
export interface TestAccount {
  readonly sub: string;
  readonly name: string;
  readonly roleValues: readonly string[];
}

export interface TestOidcProviderOptions {
  /** The ledger's own origin (http://127.0.0.1:<port>), for the registered redirect and post-logout URIs. */
  readonly appBase: string;
  readonly accounts: readonly TestAccount[];
  /** The claim (and the scope that grants it) carrying the roles; `roles` unless told. */
  readonly rolesClaim?: string;
}

/** A real OpenID provider (panva's oidc-provider) on a loopback port, with one confidential client. */
export interface TestOidcProvider {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  close(): Promise<void>;
}

// oidc-provider ships no types; these are the few parts of its API the test uses.
interface Interaction {
  readonly uid: string;
  readonly prompt: { readonly name: string; readonly details: Record<string, unknown> };
  readonly params: Record<string, unknown>;
  readonly session?: { readonly accountId?: string };
  readonly grantId?: string;
}
interface Grant {
  addOIDCScope(scope: string): void;
  addOIDCClaims(claims: readonly string[]): void;
  save(): Promise<string>;
}
interface Provider {
  callback(): (req: http.IncomingMessage, res: http.ServerResponse) => void;
  interactionDetails(req: http.IncomingMessage, res: http.ServerResponse): Promise<Interaction>;
  interactionFinished(req: http.IncomingMessage, res: http.ServerResponse, result: Record<string, unknown>, options?: { mergeWithLastSubmission: boolean }): Promise<void>;
  Grant: (new (fields: { accountId: string; clientId: string }) => Grant) & { find(id: string): Promise<Grant | undefined> };
}
type ProviderClass = new (issuer: string, configuration: Record<string, unknown>) => Provider;
interface KoaLikeContext {
  type: string;
  body: string;
  status: number;
}

/** A loopback port free right now, so an app can be configured with its own URL before it listens. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// Pages of the provider's own: plain HTML with nothing fetched from elsewhere (the default pages load web fonts).
function page(title: string, body: string): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title></head><body><main><h1>${escape(title)}</h1>${body}</main></body></html>`;
}

async function formBody(req: http.IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/**
 * Login and consent, through the provider's interactionDetails / interactionFinished API: the user types
 * their username (no password; the accounts are the test's), then allows the ledger what it asked for.
 */
async function interaction(provider: Provider, accounts: readonly TestAccount[], clientId: string, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://provider');
  const [, , uid, action] = url.pathname.split('/');
  const details = await provider.interactionDetails(req, res);
  const html = (status: number, body: string) => {
    res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(body);
  };
  if (req.method === 'GET' && details.prompt.name === 'login') {
    html(200, page('Sign in to the council', `<form method="post" action="/interaction/${escape(uid)}/login">
      <label for="username">Username</label> <input id="username" name="username" autocomplete="off">
      <button type="submit">Continue</button></form>`));
    return;
  }
  if (req.method === 'GET' && details.prompt.name === 'consent') {
    html(200, page('Allow the placement ledger to know who you are', `<form method="post" action="/interaction/${escape(uid)}/consent">
      <button type="submit">Allow</button></form>`));
    return;
  }
  if (req.method === 'POST' && action === 'login') {
    const username = (await formBody(req)).get('username') ?? '';
    if (!accounts.some((account) => account.sub === username)) {
      html(400, page('No such account', `<p>${escape(username)} is not known here.</p>`));
      return;
    }
    await provider.interactionFinished(req, res, { login: { accountId: username } }, { mergeWithLastSubmission: false });
    return;
  }
  if (req.method === 'POST' && action === 'consent') {
    const accountId = details.session?.accountId;
    if (accountId === undefined) throw new Error('consent before login');
    const grant = (details.grantId === undefined ? undefined : await provider.Grant.find(details.grantId)) ?? new provider.Grant({ accountId, clientId });
    const { missingOIDCScope, missingOIDCClaims } = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
    if (missingOIDCScope !== undefined) grant.addOIDCScope(missingOIDCScope.join(' '));
    if (missingOIDCClaims !== undefined) grant.addOIDCClaims(missingOIDCClaims);
    await provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
    return;
  }
  html(400, page('Unexpected step', ''));
}

/**
 * Starts the provider on 127.0.0.1 with PKCE required, RP-initiated logout on, and the roles claim
 * released with its own scope (through userinfo: in the code flow the ID token carries only `sub`, as
 * the spec's conformIdTokenClaims behaviour has it).
 */
export async function startOidcProvider(options: TestOidcProviderOptions): Promise<TestOidcProvider> {
  const rolesClaim = options.rolesClaim ?? 'roles';
  const clientId = 'placement-ledger';
  const clientSecret = randomBytes(24).toString('base64url');
  const moduleName = 'oidc-provider';
  const { default: OidcProvider } = (await import(moduleName)) as { default: ProviderClass };

  let handler: http.RequestListener = (_req, res) => res.writeHead(503).end();
  const server = http.createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;

  const signingKey = { ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }), kid: 'test-signing-key', use: 'sig', alg: 'RS256' };
  const provider = new OidcProvider(issuer, {
    clients: [{
      client_id: clientId, client_secret: clientSecret,
      redirect_uris: [`${options.appBase}/auth/callback`],
      post_logout_redirect_uris: [`${options.appBase}/signed-out`],
      grant_types: ['authorization_code'], response_types: ['code'],
      // Basic, not the body: the provider refuses any other method, so the ledger's OIDC_CLIENT_AUTH_METHOD is proved.
      token_endpoint_auth_method: 'client_secret_basic',
    }],
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    pkce: { required: () => true },
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
    scopes: ['openid', 'profile', 'email', rolesClaim],
    claims: { openid: ['sub'], profile: ['name'], email: ['email'], [rolesClaim]: [rolesClaim] },
    features: { devInteractions: { enabled: false }, rpInitiatedLogout: {
      enabled: true,
      logoutSource: (ctx: KoaLikeContext, form: string) => {
        ctx.type = 'html';
        ctx.body = page('Sign out of the council', `${form}<button type="submit" form="op.logoutForm" name="logout" value="yes">Yes, sign me out</button>`);
      },
      postLogoutSuccessSource: (ctx: KoaLikeContext) => {
        ctx.type = 'html';
        ctx.body = page('Signed out of the council', '');
      },
    } },
    renderError: (ctx: KoaLikeContext, out: Record<string, string>) => {
      ctx.type = 'html';
      ctx.body = page('Provider error', `<p id="error">${escape(out.error ?? '')}: ${escape(out.error_description ?? '')}</p>`);
    },
    findAccount: (_ctx: unknown, sub: string) => {
      const account = options.accounts.find((candidate) => candidate.sub === sub);
      return account === undefined ? undefined : {
        accountId: sub,
        claims: async () => ({ sub, name: account.name, email: `${sub}@council.example`, [rolesClaim]: [...account.roleValues] }),
      };
    },
  });
  const providerCallback = provider.callback();
  handler = (req, res) => {
    if (!(req.url ?? '').startsWith('/interaction/')) {
      providerCallback(req, res);
      return;
    }
    interaction(provider, options.accounts, clientId, req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(String(error));
    });
  };
  return {
    issuer, clientId, clientSecret,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
