import { ForbiddenException, Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { LEDGER_CONFIG, type LedgerConfig, type Role } from '@ledger/application';
import { NOT_PAGES } from '../mount-web';
import { csrf } from './csrf';
import { PAGE_ROLES_KEY, type WebRequest } from './pages.decorator';
import { actingRole } from './web-user';

/** No session (or one past its absolute timeout): the filter sends the visitor to sign in. */
export class SignInRequired extends Error {
  constructor(readonly returnTo: string) {
    super('Sign in to use this page');
  }
}

/** A POST whose CSRF token is missing or wrong: refused before anything runs. */
export class CsrfRefused extends ForbiddenException {
  constructor() {
    super('This form has expired or did not come from this service. Go back, refresh the page and try again.');
  }
}

@Injectable()
export class WebSessionGuard implements CanActivate {
  constructor(private readonly reflector: Reflector, @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<WebRequest>();
    // Paths outside the pages carry no session (mount-web keeps it off them), so there is no token to check, nor a
    // signed-in user a forged POST could act as: of the web controllers only the not-found catch-all matches them.
    if (request.method === 'POST' && !NOT_PAGES.test(request.path) && !csrf.isRequestValid(request)) throw new CsrfRefused();
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(PAGE_ROLES_KEY, [context.getHandler(), context.getClass()]);
    const user = request.session?.user;
    const expired = user !== undefined && Date.now() - user.signedInAt > this.config.sessionAbsoluteMinutes * 60_000;
    if (expired) delete request.session.user;
    if (user !== undefined && !expired) request.webUser = user;
    if (roles === undefined) return true;
    if (request.webUser === undefined) throw new SignInRequired(request.method === 'GET' ? request.originalUrl : '/');
    const role = actingRole(request.webUser, roles);
    if (role === undefined) throw new ForbiddenException(`This page is for ${roles.join(', ')}; you are signed in as ${request.webUser.roles.join(', ')}.`);
    request.webRole = role;
    return true;
  }
}
