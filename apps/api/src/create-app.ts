import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger as PinoNestLogger, LoggerModule } from 'nestjs-pino';
import { TokenVerifier, type JobScheduler, type LedgerRuntime } from '@ledger/application';
import { AppModule } from './app.module';
import { ledgerValidationPipe } from './http/validation.pipe';
import { mountWebMiddleware } from '../../web/src/mount-web';
import { mountApiHeaders } from './http/api-headers';
import { safeError, safeRequest } from './http/log-redaction';

export const BODY_LIMIT = '256kb';

/**
 * JSON travels as UTF-8 (RFC 8259, section 8.1). body-parser would also decode UTF-7, UTF-16 and UTF-32, so a
 * body could reach the checks on text in an encoding nobody meant: 415, as for any other charset.
 */
function utf8Only(_req: unknown, _res: unknown, _body: Buffer, charset: string): void {
  if (charset.toLowerCase() !== 'utf-8') {
    throw Object.assign(new Error(`unsupported charset "${charset.toUpperCase()}"`), { status: 415, type: 'charset.unsupported' });
  }
}

export function openApiDocument(app: NestExpressApplication) {
  const config = new DocumentBuilder()
    .setTitle('The placement ledger')
    .setDescription('Event-sourced budget and commissioning ledger for looked-after children\'s placements. Money is integer pence; dates are YYYY-MM-DD; errors are application/problem+json.')
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  return SwaggerModule.createDocument(app, config);
}

/** Builds the API on a runtime; main.ts and the end-to-end tests share it. */
export async function createApp(
  runtime: LedgerRuntime, secret: string,
  options: { logs?: boolean; scheduler?: JobScheduler; logStream?: NodeJS.WritableStream } = {},
): Promise<NestExpressApplication> {
  const verifier = new TokenVerifier(runtime.config, secret);
  const logging = options.logs ?? true;
  // Every log line goes through these serializers: errors without SQL parameters or event bodies, requests
  // without query strings or headers (see log-redaction.ts).
  const pinoOptions = {
    level: runtime.config.logLevel, autoLogging: true,
    serializers: { err: safeError, req: safeRequest, res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }) },
  };
  const pinoHttp = options.logStream === undefined ? pinoOptions : [pinoOptions, options.logStream] as [typeof pinoOptions, NodeJS.WritableStream];
  const root = logging
    ? { module: class LoggedApp {}, imports: [LoggerModule.forRoot({ pinoHttp }), AppModule.create(runtime, verifier, options.scheduler)] }
    : AppModule.create(runtime, verifier, options.scheduler);
  const app = await NestFactory.create<NestExpressApplication>(root, { bufferLogs: logging, logger: logging ? undefined : false, bodyParser: false });
  if (logging) app.useLogger(app.get(PinoNestLogger));
  mountApiHeaders(app);
  await mountWebMiddleware(app, runtime, secret);
  app.useBodyParser('json', { limit: BODY_LIMIT, type: ['application/json', 'application/*+json'], verify: utf8Only });
  app.useGlobalPipes(ledgerValidationPipe());
  app.disable('x-powered-by');
  SwaggerModule.setup('docs', app, openApiDocument(app), { jsonDocumentUrl: 'docs/openapi.json' });
  return app;
}
