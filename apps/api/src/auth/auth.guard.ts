import { ForbiddenException, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthenticationError, TokenVerifier, type Role } from '@ledger/application';
import { AuthFailureLimiter } from './auth-failure-limiter';
import { PUBLIC_KEY, ROLES_KEY, type AuthenticatedRequest } from './auth.decorators';

/** Global guard: nothing but routes marked @Public is reachable without a valid bearer token. */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly limiter = new AuthFailureLimiter();

  constructor(private readonly reflector: Reflector, private readonly verifier: TokenVerifier) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const client = request.ip ?? request.socket.remoteAddress ?? 'unknown';
    this.limiter.check(client);
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (match === null) {
      this.limiter.failed(client);
      throw new AuthenticationError('Send Authorization: Bearer <token> (npm run ledger -- token prints one)');
    }
    const principal = await this.verifier.verify(match[1]).catch((error: unknown) => {
      this.limiter.failed(client);
      throw error;
    });
    const allowed = this.reflector.getAllAndOverride<Role[]>(ROLES_KEY, targets) ?? [];
    const role = principal.roles.find((r) => allowed.includes(r));
    if (role === undefined) {
      throw new ForbiddenException(`This needs one of the roles: ${allowed.join(', ') || '(none)'}; the token has ${principal.roles.join(', ') || 'none'}`);
    }
    request.actor = { id: principal.sub, role };
    return true;
  }
}
