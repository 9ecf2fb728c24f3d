import { Controller, Get, Headers, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Redis } from 'ioredis';
import { LEDGER_RUNTIME, TokenVerifier, type LedgerRuntime } from '@ledger/application';
import { Public } from '../auth/auth.decorators';

type Check = { status: 'up' | 'down'; detail?: string };

async function check(probe: () => Promise<unknown>): Promise<Check> {
  try {
    await probe();
    return { status: 'up' };
  } catch (error) {
    return { status: 'down', detail: error instanceof Error ? error.message : String(error) };
  }
}

async function pingRedis(url: string): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, connectTimeout: 1000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await redis.connect();
    await redis.ping();
  } finally {
    redis.disconnect();
  }
}

/** Liveness and readiness: the event store, the read models (and how far behind), the queue. */
@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(@Inject(LEDGER_RUNTIME) private readonly runtime: LedgerRuntime, private readonly verifier: TokenVerifier) {}

  /** Whether the caller is an admin with a valid bearer token: only they see positions and error details. */
  private async isAdmin(authorization: string | undefined): Promise<boolean> {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (token === undefined) return false;
    try {
      return (await this.verifier.verify(token)).roles.includes('admin');
    } catch {
      return false;
    }
  }

  /**
   * Up or down for each component, to anyone (load balancers, uptime checks); with an admin's bearer
   * token also the read models' position and the errors, which may name hosts and must not be public.
   */
  @Get()
  @Public()
  async health(@Res({ passthrough: true }) res: Response, @Headers('authorization') authorization?: string) {
    const { eventStore, database, projections, config } = this.runtime;
    const [store, readModels] = await Promise.all([
      check(() => eventStore.ping()),
      check(async () => {
        await database.query('SELECT 1');
        if (projections.lastError !== undefined) throw projections.lastError;
      }),
    ]);
    const head = store.status === 'up' ? await eventStore.headPosition().catch(() => undefined) : undefined;
    const queue = config.redisUrl === undefined
      ? { status: 'up' as const, mode: 'in-process' }
      : { ...(await check(() => pingRedis(config.redisUrl as string))), mode: 'redis' };
    const up = store.status === 'up' && readModels.status === 'up';
    res.status(up ? 200 : 503);
    res.setHeader('Cache-Control', 'no-store');
    if (!(await this.isAdmin(authorization))) {
      return {
        status: up ? 'up' : 'down',
        eventStore: { status: store.status, kind: eventStore.kind },
        readModels: { status: readModels.status },
        queue: { status: queue.status, mode: queue.mode },
      };
    }
    return {
      status: up ? 'up' : 'down',
      eventStore: { ...store, kind: eventStore.kind },
      readModels: { ...readModels, position: projections.position, head, caughtUp: head === undefined ? undefined : projections.position >= head },
      queue,
    };
  }
}
