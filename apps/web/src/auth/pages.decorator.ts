import { SetMetadata, UseFilters, UseGuards, applyDecorators, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Role } from '@ledger/application';
import type { Request } from 'express';
import { Public } from '../../../api/src/auth/auth.decorators';
import { WebErrorFilter } from '../rendering/web-error.filter';
import { WebSessionGuard } from './web-session.guard';
import type { WebUser } from './web-user';

export const PAGE_ROLES_KEY = 'ledger:page-roles';

/**
 * A controller of web pages: no bearer token (the API's guard stands aside), a signed-in session
 * instead, and errors as GOV.UK pages rather than problem+json.
 */
export const WebPages = () => applyDecorators(Public(), UseGuards(WebSessionGuard), UseFilters(WebErrorFilter));

/** The roles that may open a page; anyone else signed in gets a 403 page. No roles: signed-out visitors too. */
export const PageRoles = (...roles: readonly Role[]) => SetMetadata(PAGE_ROLES_KEY, roles);

export interface WebRequest extends Request {
  webUser?: WebUser;
  /** The role the user acts in on this page (the first of theirs that it allows). */
  webRole?: Role;
}

export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): WebUser => {
  const user = context.switchToHttp().getRequest<WebRequest>().webUser;
  if (user === undefined) throw new Error('CurrentUser used on a page open to signed-out visitors');
  return user;
});
