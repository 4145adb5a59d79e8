import { Logger } from '@nestjs/common';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import mercurius from 'mercurius';
import type { ErrorCode } from './app-error.js';
import { requestAborted, type RequestStore } from './request-context.js';
import { isTokenLimitError, QUERY_TOO_COMPLEX, tooComplex, withoutSuggestions } from './graphql-limits.js';

const log = new Logger('GraphQL');
const KNOWN: ReadonlySet<string> = new Set<ErrorCode>([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'CONFLICT',
  'RULE_VIOLATION',
  'QUERY_TOO_COMPLEX',
  'INTROSPECTION_DISABLED',
]);

type Formatter = NonNullable<mercurius.MercuriusCommonOptions['errorFormatter']>;

/**
 * Every error leaves with a stable `extensions.code` and a message a person understands.
 * Malformed queries and wrong argument types are the caller's input; anything unexpected is
 * logged (name and stack only — no variables, which may hold personal data) and hidden.
 */
export function graphQLErrorFormatter(options: { suggestions: boolean }): Formatter {
  return (execution, context) => {
    const formatted = mercurius.defaultErrorFormatter(execution, context);
    // Whatever failed once the client went away (a cancelled statement, a refused query) is
    // the abort, not a fault of ours: nobody reads this answer, and nothing goes to the error log.
    if (requestAborted((context as { store?: RequestStore } | undefined)?.store)) {
      const errors = (execution.errors ?? []).map((e) => ({ message: 'Förfrågan avbröts.', path: e.path, extensions: { code: 'CLIENT_CLOSED_REQUEST' } }));
      return { statusCode: formatted.statusCode, response: { ...formatted.response, errors } };
    }
    const errors = (execution.errors ?? [])
      .flatMap((err) => {
        // Mercurius wraps all validation errors of a query (unknown fields, wrong argument types,
        // missing required arguments, limits) in one error; each is the caller's input.
        const inner = (err.originalError as { errors?: unknown } | undefined)?.errors;
        if (Array.isArray(inner)) return inner.map((e: GraphQLError) => validationError(e));
        return [normalise(err)];
      })
      .map((e) => (options.suggestions ? e : { ...e, message: withoutSuggestions(e.message) }));
    return { statusCode: formatted.statusCode, response: { ...formatted.response, errors } };
  };
}

/** Development's formatter: suggestions included. */
export const formatGraphQLErrors: Formatter = graphQLErrorFormatter({ suggestions: true });

function validationError(e: GraphQLError): GraphQLFormattedError {
  const message = e.message ?? String(e);
  if (e.extensions?.code === QUERY_TOO_COMPLEX) return { message, locations: e.locations, extensions: e.extensions };
  if (isTokenLimitError(message)) return { message: tooComplex('för många delar').message, extensions: { code: QUERY_TOO_COMPLEX } };
  return invalidQuery(message, e.locations);
}

function normalise(err: GraphQLError): GraphQLFormattedError {
  const original = err.originalError as (Error & { extensions?: Record<string, unknown> }) | undefined;
  const code = (original instanceof GraphQLError ? original.extensions?.code : err.extensions?.code) as string | undefined;
  const base = { locations: err.locations, path: err.path };
  if (code && KNOWN.has(code)) {
    const extensions = original instanceof GraphQLError ? original.extensions : err.extensions;
    return { ...base, message: (original instanceof GraphQLError ? original : err).message, extensions };
  }
  const mercuriusCode = (original as { code?: unknown } | undefined)?.code;
  if (!original || original instanceof GraphQLError || (typeof mercuriusCode === 'string' && mercuriusCode.startsWith('MER_ERR_GQL'))) {
    // Parse errors, value coercion errors and limits such as query depth.
    return invalidQuery(err.message, err.locations, err.path);
  }
  if (unstorableText(original)) {
    return { ...base, message: 'Texten innehåller tecken som inte kan sparas (t.ex. nolltecken).', extensions: { code: 'BAD_USER_INPUT' } };
  }
  // The client's own fault caught by Fastify before GraphQL (a body over the limit, a broken
  // JSON body): answered with its status, and nothing to log.
  const status = (original as { statusCode?: unknown }).statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return status === 413
      ? { ...base, message: 'Förfrågan är för stor.', extensions: { code: 'PAYLOAD_TOO_LARGE' } }
      : invalidQuery(original.message, err.locations, err.path);
  }
  log.error(`${original.name}: ${original.message}`, original.stack);
  return { ...base, message: 'Något gick fel i Mötesplats. Försök igen eller kontakta supporten.', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

function invalidQuery(message: string, locations?: GraphQLError['locations'], path?: GraphQLError['path']): GraphQLFormattedError {
  return { message: `Ogiltig fråga: ${message}`, locations, path, extensions: { code: 'BAD_USER_INPUT' } };
}

/**
 * Postgres refuses NUL in text (22021) and \u0000 in jsonb (22P05) wherever the value goes:
 * inserts, updates, search filters. That is the caller's input, whichever service passed it on.
 */
function unstorableText(err: unknown): boolean {
  const code = (err as { code?: string; driverError?: { code?: string } }).driverError?.code ?? (err as { code?: string }).code;
  return code === '22021' || code === '22P05';
}
