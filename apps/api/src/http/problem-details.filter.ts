import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { AuthenticationError, ConcurrencyConflictError, NotFoundError, PreconditionFailedError, ServiceUnavailableError } from '@ledger/application';
import { DomainError } from '@ledger/domain';
import type { Request, Response } from 'express';
import { TooManyAuthFailuresError } from '../auth/auth-failure-limiter';
import { isDatabaseOutage } from './outage';
import { problem, PROBLEM_CONTENT_TYPE, RequestValidationError, type Problem } from './problem';

/** How soon a client may try again after the database was found down. */
const DATABASE_RETRY_AFTER_SECONDS = 5;

/** Errors thrown by express's body parser carry a status and a type. */
interface BodyParserError { status?: number; type?: string; message?: string }

/** The one place where errors become HTTP: every refusal leaves as problem+json. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const body = { ...this.toProblem(error), instance: request.originalUrl };
    if (error instanceof ServiceUnavailableError) response.setHeader('Retry-After', String(error.retryAfterSeconds));
    if (body.status === 503 && !(error instanceof ServiceUnavailableError)) response.setHeader('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
    if (error instanceof TooManyAuthFailuresError) response.setHeader('Retry-After', String(error.retryAfterSeconds));
    if (error instanceof AuthenticationError) {
      response.setHeader('WWW-Authenticate', error.bearerError === undefined ? 'Bearer realm="placement-ledger"' : `Bearer realm="placement-ledger", error="${error.bearerError}"`);
    }
    if (body.status === 503) this.logger.warn({ err: error, path: request.path }, 'Answered 503: a service is down');
    else if (body.status >= 500) this.logger.error({ err: error, path: request.path }, 'Unhandled error');
    response.status(body.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
  }

  toProblem(error: unknown): Problem {
    if (error instanceof RequestValidationError) {
      return problem(400, 'validation', 'Invalid request', error.message, { errors: error.errors });
    }
    if (error instanceof DomainError) {
      return problem(422, error.rule, 'Refused by a business rule', error.message, {
        rule: error.rule,
        ...(error.field === undefined ? {} : { errors: [{ field: error.field, message: error.message }] }),
      });
    }
    if (error instanceof NotFoundError) return problem(404, 'not-found', 'Not found', error.message);
    if (error instanceof ConcurrencyConflictError) return problem(409, 'concurrency-conflict', 'Conflict', error.message);
    if (error instanceof PreconditionFailedError) return problem(412, 'precondition-failed', 'Precondition failed', error.message);
    if (error instanceof AuthenticationError) return problem(401, 'unauthenticated', 'Unauthenticated', error.message);
    if (error instanceof TooManyAuthFailuresError) return problem(429, 'too-many-requests', 'Too many requests', error.message);
    if (error instanceof ServiceUnavailableError) return problem(503, 'service-unavailable', 'Service unavailable', error.message);
    if (error instanceof HttpException) return this.fromHttpException(error);
    const parser = error as BodyParserError;
    if (parser?.type === 'entity.too.large') return problem(413, 'payload-too-large', 'Payload too large', 'The request body is larger than the API accepts');
    if (parser?.type === 'entity.parse.failed') return problem(400, 'malformed-json', 'Malformed JSON', 'The request body is not valid JSON');
    if (parser?.type === 'charset.unsupported') return problem(415, 'unsupported-charset', 'Unsupported media type', 'Send the body in UTF-8 (charset=utf-8)');
    if (parser?.type === 'encoding.unsupported') return problem(415, 'unsupported-encoding', 'Unsupported media type', 'Send the body uncompressed, or with Content-Encoding gzip or deflate');
    if (typeof parser?.status === 'number' && parser.status >= 400 && parser.status < 500) {
      return problem(400, 'malformed-body', 'Malformed body', 'The request body could not be read (a corrupt gzip or deflate stream, or a body cut short)');
    }
    if (isDatabaseOutage(error)) {
      return problem(503, 'service-unavailable', 'Service unavailable',
        'The ledger\'s database is unavailable just now. Try again shortly; repeating a request with the same Idempotency-Key is safe.');
    }
    return problem(500, 'internal', 'Internal error', 'Something went wrong on our side; it has been logged');
  }

  private fromHttpException(error: HttpException): Problem {
    const status = error.getStatus();
    const codes: Record<number, [string, string]> = {
      400: ['bad-request', 'Bad request'], 401: ['unauthenticated', 'Unauthenticated'], 403: ['forbidden', 'Forbidden'],
      404: ['not-found', 'Not found'], 409: ['conflict', 'Conflict'], 413: ['payload-too-large', 'Payload too large'],
      415: ['unsupported-media-type', 'Unsupported media type'], 422: ['unprocessable', 'Unprocessable request'],
    };
    const [code, title] = codes[status] ?? ['http-error', 'Error'];
    return problem(status, code, title, error.message);
  }
}
