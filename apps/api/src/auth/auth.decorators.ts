import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { ROLES, type Actor, type Role } from '@ledger/application';
import type { Request } from 'express';

export const ROLES_KEY = 'ledger:roles';
export const PUBLIC_KEY = 'ledger:public';

/** Roles allowed on a route; the first of the caller's roles that matches is the one it acts in. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
/** Every authenticated role may read. */
export const AnyRole = () => SetMetadata(ROLES_KEY, ROLES);
export const Public = () => SetMetadata(PUBLIC_KEY, true);

export interface AuthenticatedRequest extends Request {
  actor?: Actor;
}

/** The authenticated caller and the role it acts in, as stamped on the events it causes. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  if (actor === undefined) throw new Error('CurrentActor used on a route without authentication');
  return actor;
});
