import { Body, Controller, Get, Inject, Post, Query, Req, Res } from '@nestjs/common';
import { LEDGER_CONFIG, type LedgerConfig } from '@ledger/application';
import type { Response } from 'express';
import { PageRenderer } from '../rendering/page-renderer';
import { LOCAL_USERS } from './local-users';
import { NoLedgerRole, OidcSignIn } from './oidc-sign-in';
import { WebPages, type WebRequest } from './pages.decorator';
import type { WebUser } from './web-user';

const LOCAL_USER_ITEMS = LOCAL_USERS.map((u) => ({ value: u.id, text: u.name, hint: { text: u.description } }));

/**
 * Only paths on this service, so a crafted link cannot send someone elsewhere after sign-in: no `//` or
 * backslash (browsers read `/\` as `//`, another host), and no control characters (browsers strip tabs and newlines).
 */
export function safeReturnTo(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])[^\\\u0000-\u001f\u007f]*$/.test(value)
    && !value.startsWith('/sign-') && !value.startsWith('/auth/') ? value : '/';
}

/** A fresh session id at every sign-in (no fixation), carrying only the user. */
async function signIn(req: WebRequest, user: WebUser): Promise<void> {
  await new Promise<void>((resolve, reject) => req.session.regenerate((error) => (error ? reject(error) : resolve())));
  req.session.user = user;
  await new Promise<void>((resolve, reject) => req.session.save((error) => (error ? reject(error) : resolve())));
}

@WebPages()
@Controller()
export class SignInController {
  private readonly oidc?: OidcSignIn;

  constructor(private readonly pages: PageRenderer, @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig) {
    if (config.webSignIn.kind === 'oidc') this.oidc = new OidcSignIn(config.webSignIn);
  }

  @Get('sign-in')
  signInPage(@Req() req: WebRequest, @Res() res: Response, @Query('returnTo') returnTo?: string) {
    this.pages.render(req, res, 'pages/sign-in.njk', {
      kind: this.config.webSignIn.kind,
      returnTo: safeReturnTo(returnTo),
      localUserItems: LOCAL_USER_ITEMS,
      issuer: this.oidc?.issuer,
    });
  }

  /** Local sign-in: a trial on the embedded store (or LEDGER_LOCAL_SIGN_IN=true); choose who to be. */
  @Post('sign-in')
  async localSignIn(@Req() req: WebRequest, @Res() res: Response, @Body() body: Record<string, string>) {
    if (this.config.webSignIn.kind !== 'local') {
      this.pages.render(req, res, 'pages/error.njk', { status: 403, title: 'You cannot use this page', detail: 'Local sign-in is switched off: sign in with your council account.' }, 403);
      return;
    }
    const chosen = LOCAL_USERS.find((user) => user.id === body.user);
    if (chosen === undefined) {
      this.pages.render(req, res, 'pages/sign-in.njk', {
        kind: 'local', returnTo: safeReturnTo(body.returnTo), localUserItems: LOCAL_USER_ITEMS,
        errors: { summary: [{ text: 'Select who you are signing in as', href: '#user' }], fields: { user: 'Select who you are signing in as' } },
      }, 400);
      return;
    }
    await signIn(req, { id: chosen.id, name: chosen.name, roles: chosen.roles, signedInWith: 'local', signedInAt: Date.now() });
    res.redirect(303, safeReturnTo(body.returnTo));
  }

  /** Sends the person to the identity provider with PKCE, state and nonce kept in the session. */
  @Get('sign-in/oidc')
  async startOidc(@Req() req: WebRequest, @Res() res: Response, @Query('returnTo') returnTo?: string) {
    if (this.oidc === undefined) {
      res.redirect(303, '/sign-in');
      return;
    }
    const { url, pending } = await this.oidc.start(safeReturnTo(returnTo));
    req.session.oidc = pending;
    await new Promise<void>((resolve, reject) => req.session.save((error) => (error ? reject(error) : resolve())));
    res.redirect(303, url);
  }

  @Get('auth/callback')
  async callback(@Req() req: WebRequest, @Res() res: Response) {
    const pending = req.session.oidc;
    if (this.oidc === undefined || pending === undefined) {
      this.pages.render(req, res, 'pages/error.njk', { status: 400, title: 'Sign-in did not complete', detail: 'This sign-in link has expired or was already used. Start again from the sign-in page.', retry: true }, 400);
      return;
    }
    delete req.session.oidc;
    const query = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?')) : '';
    try {
      const user = await this.oidc.complete(query, pending, Date.now());
      await signIn(req, user);
      res.redirect(303, pending.returnTo);
    } catch (error) {
      const detail = error instanceof NoLedgerRole ? error.message : 'The identity provider did not confirm who you are. Start again from the sign-in page.';
      this.pages.render(req, res, 'pages/error.njk', { status: 403, title: 'Sign-in did not complete', detail, retry: true }, 403);
    }
  }

  @Get('sign-out')
  async signOut(@Req() req: WebRequest, @Res() res: Response) {
    const wasOidc = req.session.user !== undefined && req.session.user.signedInWith !== 'local';
    await new Promise<void>((resolve) => req.session.destroy(() => resolve()));
    res.clearCookie('ledger.sid', { path: '/' });
    const back = new URL('/signed-out', this.config.webSignIn.kind === 'oidc' ? this.config.webSignIn.redirectUrl : `${req.protocol}://${req.get('host')}`).href;
    const providerSignOut = wasOidc ? await this.oidc?.signOutUrl(back) : undefined;
    res.redirect(303, providerSignOut ?? '/signed-out');
  }

  @Get('signed-out')
  signedOut(@Req() req: WebRequest, @Res() res: Response) {
    this.pages.render(req, res, 'pages/signed-out.njk');
  }
}
