import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { NotFoundError, ServiceUnavailableError } from '@ledger/application';
import type { Response } from 'express';
import { SignInRequired } from '../auth/web-session.guard';
import type { WebRequest } from '../auth/pages.decorator';
import { ProblemDetailsFilter } from '../../../api/src/http/problem-details.filter';
import { RequestValidationError } from '../../../api/src/http/problem';
import { isDatabaseOutage } from '../../../api/src/http/outage';
import { PageRenderer } from './page-renderer';

const TITLES: Record<number, string> = {
  400: 'There is a problem with the request',
  403: 'You cannot use this page',
  404: 'Page not found',
  409: 'Someone else changed this first',
  503: 'Sorry, the service is unavailable',
};

/** Errors on the web pages become GOV.UK error pages; never a stack trace, never problem+json. */
@Catch()
export class WebErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('WebPages');
  private readonly api = new ProblemDetailsFilter();

  constructor(private readonly pages: PageRenderer) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<WebRequest>();
    const res = host.switchToHttp().getResponse<Response>();
    if (/^\/(api|docs|health)(\/|$)/.test(req.path)) {
      this.api.catch(error, host);
      return;
    }
    if (error instanceof SignInRequired) {
      res.redirect(303, `/sign-in?returnTo=${encodeURIComponent(error.returnTo)}`);
      return;
    }
    const status = error instanceof NotFoundError ? 404 : error instanceof RequestValidationError ? 400 : error instanceof ServiceUnavailableError || isDatabaseOutage(error) ? 503 : error instanceof HttpException ? error.getStatus() : 500;
    if (status === 503) res.setHeader('Retry-After', String(error instanceof ServiceUnavailableError ? error.retryAfterSeconds : 5));
    if (status >= 500 && status !== 503) this.logger.error({ err: error, path: req.path }, 'Unhandled error on a web page');
    const detail = error instanceof RequestValidationError ? `What was sent cannot be recorded: ${error.errors.map((e) => `${e.field} ${e.message}`).join('; ')}. Go back and check what you typed.`
      : status === 404 ? 'If you typed the web address, check it is correct. If you followed a link, the placement or page may not exist.'
      : status === 503 && error instanceof ServiceUnavailableError ? error.message
        : status === 503 ? 'The ledger’s database is unavailable just now. Try again in a few moments; if you were saving something, check the placement before saving it again.'
        : status >= 500 ? 'Something went wrong on our side. It has been logged; try again later.'
        : error instanceof Error ? error.message : String(error);
    this.pages.render(req, res, 'pages/error.njk', { status, title: TITLES[status] ?? (status >= 500 ? 'Sorry, there is a problem with the service' : 'There is a problem'), detail }, status);
  }
}
