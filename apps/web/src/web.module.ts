import { SignInController } from './auth/sign-in.controller';
import { WebSessionGuard } from './auth/web-session.guard';
import { ADMIN_PAGES } from './pages/admin';
import { DECISION_SUPPORT_PAGES } from './pages/decision-support';
import { FINANCE_PAGES } from './pages/finance';
import { HomeController } from './pages/home.controller';
import { NotFoundController } from './pages/not-found.controller';
import { PLACEMENT_PAGES } from './pages/placements';
import { PageClock } from './rendering/page-clock';
import { PageRenderer } from './rendering/page-renderer';
import { WebErrorFilter } from './rendering/web-error.filter';

/**
 * The web pages: a thin adapter over the same command and query buses as the JSON API, mounted in the
 * API's module so both doors share one set of handlers. Each group of pages is one controller; each
 * form dispatches the command its API route dispatches.
 */
export const WEB_CONTROLLERS = [SignInController, HomeController, ...PLACEMENT_PAGES, ...FINANCE_PAGES, ...DECISION_SUPPORT_PAGES, ...ADMIN_PAGES, NotFoundController];

export const WEB_PROVIDERS = [PageClock, PageRenderer, WebSessionGuard, WebErrorFilter];
