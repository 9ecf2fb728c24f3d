import { ConflictException, HttpException, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { IdempotencyStore, REPLAYED_HEADERS, requestFingerprint } from '@ledger/application';
import type { Response } from 'express';
import { from, lastValueFrom, type Observable } from 'rxjs';
import type { AuthenticatedRequest } from '../auth/auth.decorators';
import { RequestValidationError } from './problem';

const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

/**
 * Idempotency-Key on POST/PUT: the same key and body replays the first response and appends
 * nothing; the same key with another body is refused with 422; a key still in flight gets 409.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly store: IdempotencyStore) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const response = context.switchToHttp().getResponse<Response>();
    const key = request.header('idempotency-key');
    if (!['POST', 'PUT'].includes(request.method) || key === undefined || request.actor === undefined) return next.handle();
    if (!KEY_PATTERN.test(key)) {
      throw new RequestValidationError([{ field: 'Idempotency-Key', message: 'must be 1 to 200 visible ASCII characters' }]);
    }
    const actorId = request.actor.id;
    return from(this.run(actorId, key, requestFingerprint(request.method, request.originalUrl, request.body), next, response));
  }

  private async run(actorId: string, key: string, fingerprint: string, next: CallHandler, response: Response): Promise<unknown> {
    const claim = await this.store.claim(actorId, key, fingerprint);
    switch (claim.kind) {
      case 'replay':
        response.status(claim.status).setHeader('Idempotent-Replayed', 'true');
        for (const [name, value] of Object.entries(claim.headers)) response.setHeader(name, value);
        return claim.body;
      case 'mismatch':
        throw new HttpException('This Idempotency-Key was used before with a different request body', 422);
      case 'in-progress':
        throw new ConflictException('A request with this Idempotency-Key is still being processed');
      case 'new':
        break;
      default: {
        const unreachable: never = claim;
        throw new Error(`Unknown claim ${String(unreachable)}`);
      }
    }
    try {
      const body = await lastValueFrom(next.handle(), { defaultValue: undefined });
      const headers = Object.fromEntries(REPLAYED_HEADERS.flatMap((name) => {
        const value = response.getHeader(name);
        return value === undefined ? [] : [[name, String(value)]];
      }));
      await this.store.complete(actorId, key, response.statusCode, body, headers);
      return body;
    } catch (error) {
      await this.store.release(actorId, key);
      throw error;
    }
  }
}

