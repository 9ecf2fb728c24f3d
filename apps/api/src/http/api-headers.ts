import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

const common = { crossOriginEmbedderPolicy: false, referrerPolicy: { policy: 'no-referrer' as const } };

/** JSON, CSV, XLSX and PDF: nothing to run; the weekly report's HTML carries its own inline styles. */
const forApi = helmet({
  ...common,
  contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], styleSrc: ["'unsafe-inline'"], imgSrc: ['data:'], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] } },
});

/** The API explorer: its scripts and styles are served from this origin; Swagger UI styles some elements inline. */
const forDocs = helmet({
  ...common,
  contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", 'data:'], frameAncestors: ["'none'"], baseUri: ["'self'"], formAction: ["'self'"], objectSrc: ["'none'"] } },
});

/**
 * Security headers on the API, `/docs` and `/health` (the pages get theirs in mount-web), and
 * `Cache-Control: no-store` on everything under `/api` and `/health`: ledger data must not sit in a cache.
 */
export function mountApiHeaders(app: NestExpressApplication): void {
  const on = (pattern: RegExp, handler: RequestHandler): RequestHandler => (req: Request, res: Response, next: NextFunction) =>
    (pattern.test(req.path) ? handler(req, res, next) : next());
  app.use(on(/^\/(api|health)(\/|$)/, (req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    forApi(req, res, next);
  }));
  app.use(on(/^\/docs(\/|$)/, forDocs));
}
