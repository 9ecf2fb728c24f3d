import type { NestExpressApplication } from '@nestjs/platform-express';
import { createHmac, randomBytes } from 'node:crypto';
import * as path from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';
import session from 'express-session';
import helmet from 'helmet';
import type { LedgerRuntime } from '@ledger/application';
import { SqlSessionStore } from './session/sql-session-store';
import { WEB_PATHS } from './web-paths';

/** Paths that belong to the JSON API and its explorer: bearer tokens, no cookies, no pages. */
export const NOT_PAGES = /^\/(api|docs|health)(\/|$)/;
const FORM_LIMIT = '64kb';

function onPagesOnly(handler: express.RequestHandler): express.RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => (NOT_PAGES.test(req.path) ? next() : handler(req, res, next));
}

/**
 * The express middleware the web pages need, mounted before Nest's routes and kept off the API:
 * security headers with a nonce-only script policy, the packages' assets, form bodies, and sessions
 * stored in the ledger's database.
 */
export async function mountWebMiddleware(app: NestExpressApplication, runtime: LedgerRuntime, secret: string): Promise<void> {
  const config = runtime.config;
  const store = new SqlSessionStore(runtime.database, config.sessionIdleMinutes * 60);
  await store.migrate();
  app.set('trust proxy', 'loopback, linklocal, uniquelocal');
  const assets = (prefix: string, dir: string) => app.use(prefix, express.static(dir, { index: false, fallthrough: false, maxAge: '1h' }));
  assets('/assets/govuk', path.join(WEB_PATHS.govukDist, 'govuk'));
  assets('/assets/moj', path.join(WEB_PATHS.mojPackage, 'moj'));
  app.use('/assets', express.static(WEB_PATHS.ownAssets, { index: false, maxAge: '1h' }));
  app.use('/assets', express.static(path.join(WEB_PATHS.mojPackage, 'moj', 'assets'), { index: false, maxAge: '1h' }));
  app.use('/assets', express.static(path.join(WEB_PATHS.govukDist, 'govuk', 'assets'), { index: false, fallthrough: false, maxAge: '1h' }));
  app.use(onPagesOnly((_req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString('base64');
    next();
  }));
  app.use(onPagesOnly(helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", (_req, res) => `'nonce-${(res as Response).locals.cspNonce}'`],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  })));
  app.use(onPagesOnly(express.urlencoded({ extended: false, limit: FORM_LIMIT, parameterLimit: 500 })));
  app.use(onPagesOnly(session({
    name: 'ledger.sid',
    secret: createHmac('sha256', secret).update('web-session').digest('base64'),
    store,
    resave: false,
    saveUninitialized: false,
    rolling: true,
    unset: 'destroy',
    cookie: { httpOnly: true, sameSite: 'lax', secure: 'auto', maxAge: config.sessionIdleMinutes * 60_000, path: '/' },
  })));
}
