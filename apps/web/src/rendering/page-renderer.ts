import { Inject, Injectable } from '@nestjs/common';
import type { Response } from 'express';
import nunjucks from 'nunjucks';
import { LEDGER_CONFIG, type LedgerConfig } from '@ledger/application';
import { csrf } from '../auth/csrf';
import type { WebRequest } from '../auth/pages.decorator';
import { WEB_PATHS } from '../web-paths';
import { instant, longDate, money, percentFromBasisPoints, poundsForInput } from './format';
import { navigationFor } from './navigation';

export const SERVICE_NAME = 'Placement ledger';

/** Nunjucks over our views and the GOV.UK and MoJ macros, with the ledger's figure filters. */
export function nunjucksEnvironment(timeZone: string): nunjucks.Environment {
  const env = new nunjucks.Environment(
    new nunjucks.FileSystemLoader([WEB_PATHS.views, WEB_PATHS.govukDist, WEB_PATHS.mojPackage], { noCache: false }),
    { autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true },
  );
  env.addFilter('money', money);
  env.addFilter('longDate', longDate);
  env.addFilter('instant', (value: string | Date) => instant(value, timeZone));
  env.addFilter('percent', percentFromBasisPoints);
  env.addFilter('poundsInput', poundsForInput);
  return env;
}

/** Renders a page with what every page needs: the user, their navigation, the CSRF token, the CSP nonce. */
@Injectable()
export class PageRenderer {
  private readonly env: nunjucks.Environment;

  constructor(@Inject(LEDGER_CONFIG) config: LedgerConfig) {
    this.env = nunjucksEnvironment(config.timeZone);
  }

  render(req: WebRequest, res: Response, template: string, context: Record<string, unknown> = {}, status = 200): void {
    const user = req.webUser;
    const flash = req.session?.flash;
    if (flash !== undefined) delete req.session.flash;
    const html = this.env.render(template, {
      serviceName: SERVICE_NAME,
      user,
      navItems: user === undefined ? [] : [
        ...navigationFor(user.roles, req.path),
        { text: 'Sign out', href: '/sign-out' },
      ],
      csrfToken: req.session === undefined ? '' : csrf.generateToken(req),
      cspNonce: res.locals.cspNonce,
      flash,
      currentPath: req.path,
      ...context,
    });
    res.status(status).type('html').send(html);
  }
}
