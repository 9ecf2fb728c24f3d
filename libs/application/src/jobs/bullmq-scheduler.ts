import { Queue, QueueEvents, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { todayIn } from '@ledger/domain';
import { ServiceUnavailableError } from '../command-handling/application-errors';
import type { LedgerRuntime } from '../runtime';
import { jobSchedules, runLedgerJob, type JobHandlers, type JobScheduler, type JobsOverview, type LedgerJobPayload } from './ledger-jobs';

export const LEDGER_QUEUE = 'ledger-jobs';

/**
 * How long the admin's view of the queue waits for Redis. A connection whose Redis has just died still
 * reads as ready for a moment, and a command sent on it waits for Redis to return (the connections
 * retry forever, as BullMQ needs): past this the view answers as if Redis were down.
 */
const OVERVIEW_TIMEOUT_MS = 2000;
const QUEUE_UNAVAILABLE = 'The job queue (Redis) is unavailable just now; the jobs catch up when it returns. Try again shortly.';

export interface BullMqOptions {
  readonly redisUrl: string;
  /** Key prefix in Redis (tests use their own). */
  readonly prefix?: string;
  readonly attempts?: number;
  readonly backoffMs?: number;
}

/**
 * The ledger's jobs on BullMQ: job schedulers (cron in the council's time zone) upserted from this one
 * place, a worker that only calls the job runner, bounded attempts with exponential backoff, failed
 * jobs kept with their error. On start and on every reconnect to Redis it queues a catch-up run of
 * each job, one per day by its job id, so a sweep missed while Redis was away runs when it returns;
 * the jobs are idempotent, so a catch-up never flags anything twice.
 */
export class BullMqScheduler implements JobScheduler {
  readonly mode = 'bullmq' as const;
  private queue?: Queue<LedgerJobPayload>;
  private worker?: Worker<LedgerJobPayload>;
  private events?: QueueEvents;
  private readonly connections: Redis[] = [];
  private queueConnection?: Redis;

  constructor(private readonly runtime: LedgerRuntime, private readonly handlers: JobHandlers, private readonly options: BullMqOptions, private readonly log: (message: string, error?: unknown) => void = () => undefined) {}

  private connection(): Redis {
    const redis = new Redis(this.options.redisUrl, { maxRetriesPerRequest: null, retryStrategy: (times) => Math.min(times * 500, 10_000) });
    redis.on('error', (error) => this.log('Redis connection error; retrying', error));
    this.connections.push(redis);
    return redis;
  }

  private get jobOptions() {
    return { attempts: this.options.attempts ?? 5, backoff: { type: 'exponential' as const, delay: this.options.backoffMs ?? 10_000 }, removeOnComplete: { count: 1000 }, removeOnFail: false };
  }

  /**
   * Starts the queue and the worker. With Redis up it registers the schedules and queues the catch-up
   * before resolving; with Redis down it resolves at once (the ledger starts and serves without its
   * queue) and does both when Redis first answers.
   */
  async start(): Promise<void> {
    const prefix = this.options.prefix;
    this.queueConnection = this.connection();
    this.queue = new Queue<LedgerJobPayload>(LEDGER_QUEUE, { connection: this.queueConnection, prefix });
    const reachable = await this.redisAnswers();
    if (reachable) await this.register();
    else this.log(`Redis at ${redactedUrl(this.options.redisUrl)} does not answer; the jobs will be scheduled and caught up when it does`);
    const workerConnection = this.connection();
    this.worker = new Worker<LedgerJobPayload>(LEDGER_QUEUE, (job: Job<LedgerJobPayload>) => runLedgerJob(this.runtime, this.handlers, job.data, `job-${job.id}`), {
      connection: workerConnection, prefix, concurrency: 1,
    });
    this.worker.on('failed', (job, error) => this.log(`Job ${job?.id} failed (attempt ${job?.attemptsMade})`, error));
    this.worker.on('error', (error) => this.log('Worker error', error));
    // A Redis that comes back empty (restarted without persistence) has lost the schedules too.
    workerConnection.on('ready', () => void this.register().then(() => this.catchUp()).catch((error) => this.log('Could not re-register the jobs', error)));
    if (reachable) await this.catchUp();
  }

  /** Whether Redis answers a PING within a second, on a connection that queues nothing while it is down. */
  private async redisAnswers(): Promise<boolean> {
    const probe = new Redis(this.options.redisUrl, { lazyConnect: true, connectTimeout: 1000, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null });
    probe.on('error', () => undefined);
    try {
      await probe.connect();
      await probe.ping();
      return true;
    } catch {
      return false;
    } finally {
      probe.disconnect();
    }
  }

  /** The queue is usable only while its connection is ready; otherwise a request for it would wait for Redis. */
  private ensureAvailable(): void {
    if (this.queueConnection?.status !== 'ready') throw new ServiceUnavailableError(QUEUE_UNAVAILABLE);
  }

  /** Upserts every job scheduler; safe to repeat. */
  async register(): Promise<void> {
    if (this.queue === undefined) return;
    for (const schedule of jobSchedules(this.runtime)) {
      await this.queue.upsertJobScheduler(schedule.job, { pattern: schedule.pattern, tz: schedule.timeZone }, {
        name: schedule.job, data: { job: schedule.job, trigger: 'schedule' }, opts: this.jobOptions,
      });
    }
  }

  /** Queues today's catch-up run of each job; the job id makes it once a day however often it is asked. */
  async catchUp(): Promise<string[]> {
    if (this.queue === undefined) return [];
    const today = todayIn(this.runtime.clock.now(), this.runtime.config.timeZone);
    const ids: string[] = [];
    for (const schedule of jobSchedules(this.runtime)) {
      const jobId = `catch-up-${schedule.job}-${today}`;
      await this.queue.add(schedule.job, { job: schedule.job, trigger: 'catch-up' }, { ...this.jobOptions, jobId });
      ids.push(jobId);
    }
    return ids;
  }

  async overview(): Promise<JobsOverview> {
    this.ensureAvailable();
    let timer: NodeJS.Timeout | undefined;
    const gaveUp = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new ServiceUnavailableError(QUEUE_UNAVAILABLE)), OVERVIEW_TIMEOUT_MS);
    });
    try {
      return await Promise.race([this.readOverview(), gaveUp]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async readOverview(): Promise<JobsOverview> {
    const queue = this.jobs;
    const [schedulers, counts, failed] = await Promise.all([
      queue.getJobSchedulers(), queue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed'), queue.getFailed(0, 49),
    ]);
    return {
      mode: this.mode,
      schedules: jobSchedules(this.runtime).map((s) => {
        const found = schedulers.find((x) => x.key === s.job);
        return { job: s.job, pattern: s.pattern, timeZone: s.timeZone, nextRun: found?.next ? new Date(found.next).toISOString() : null };
      }),
      counts,
      failed: failed.map((job) => ({
        id: String(job.id), name: job.name, attemptsMade: job.attemptsMade, failedReason: job.failedReason,
        failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
      })),
    };
  }

  /** For tests and operations: the queue, to inspect schedulers and jobs. */
  get jobs(): Queue<LedgerJobPayload> {
    if (this.queue === undefined) throw new Error('The scheduler has not started');
    return this.queue;
  }

  /** Events of the queue, opened on first use (waiting for a job to finish needs them). */
  queueEvents(): QueueEvents {
    this.events ??= new QueueEvents(LEDGER_QUEUE, { connection: this.connection(), prefix: this.options.prefix });
    return this.events;
  }

  async stop(): Promise<void> {
    await this.worker?.close();
    await this.events?.close();
    await this.queue?.close();
    for (const redis of this.connections.splice(0)) redis.disconnect();
  }
}

/** A Redis URL without its password, for the log. */
function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.href;
  } catch {
    return 'the configured URL';
  }
}
