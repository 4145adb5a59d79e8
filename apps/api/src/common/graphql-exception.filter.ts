import { Catch, HttpException, type ArgumentsHost } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { AppError, type ErrorCode } from './app-error.js';
import { requestAborted } from './request-context.js';

/** The HTTP status a plain HTTP route (e.g. a CSV export) answers for each stable code. */
const HTTP_STATUS: Partial<Record<ErrorCode, number>> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RULE_VIOLATION: 422,
};

/**
 * GraphQL errors go back to Mercurius untouched: the error formatter gives them their codes
 * and logs only the unexpected ones. Without this, Nest logs every refused input as an error.
 * On plain HTTP routes the same errors become their HTTP status with the code and message.
 */
@Catch()
export class GraphQLExceptionFilter extends BaseExceptionFilter implements GqlExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost) {
    if (host.getType<string>() === 'graphql') return exception;
    // The client went away first (see TenantDb.abandon): nobody reads the answer, and a
    // cancelled statement is not a server error to log.
    if (requestAborted()) return super.catch(new HttpException({ statusCode: 499, code: 'CLIENT_CLOSED_REQUEST', message: 'Förfrågan avbröts.' }, 499), host);
    const status = exception instanceof AppError ? HTTP_STATUS[exception.code] : undefined;
    if (status)
      return super.catch(new HttpException({ statusCode: status, code: (exception as AppError).code, message: (exception as AppError).message }, status), host);
    return super.catch(exception, host);
  }
}
