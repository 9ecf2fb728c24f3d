import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { RequestValidationError } from './problem';

/** If-Match: "<revision>" (an entity tag holding the stream revision), or undefined when absent. */
export const IfMatch = createParamDecorator((_: unknown, context: ExecutionContext): number | undefined => {
  const header = context.switchToHttp().getRequest<Request>().header('if-match');
  if (header === undefined) return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,15})"?\s*$/.exec(header);
  if (match === null) {
    throw new RequestValidationError([{ field: 'If-Match', message: 'must be the placement revision in quotes, e.g. "3"' }]);
  }
  return Number(match[1]);
});
