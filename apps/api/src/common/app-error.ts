import { GraphQLError } from 'graphql';

/** Stable error codes: clients branch on these, people read the message. */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'CONFLICT'
  | 'RULE_VIOLATION'
  | 'QUERY_TOO_COMPLEX'
  | 'INTROSPECTION_DISABLED'
  | 'PAYLOAD_TOO_LARGE'
  | 'INTERNAL_SERVER_ERROR';

export class AppError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    message: string,
    extra: Record<string, unknown> = {},
  ) {
    super(message, { extensions: { code, ...extra } });
  }
}

export const badInput = (message: string, fields?: Record<string, string>) => new AppError('BAD_USER_INPUT', message, fields ? { fields } : {});
export const notFound = (what: string, id: string) => new AppError('NOT_FOUND', `${what} ${id} finns inte.`, { id });
export const forbidden = (message = 'Du saknar behörighet för detta.') => new AppError('FORBIDDEN', message);
export const unauthenticated = (message = 'Inloggning krävs.') => new AppError('UNAUTHENTICATED', message);
export const conflict = (message: string) => new AppError('CONFLICT', message);

/**
 * Postgres errors that come from bad input rather than bugs. The constraint checks in the
 * schema are the last line of defence; services check first and give better messages.
 */
export function fromPostgresError(err: unknown): AppError | undefined {
  const code = (err as { code?: string; driverError?: { code?: string } })?.driverError?.code ?? (err as { code?: string })?.code;
  switch (code) {
    case '23503':
      return badInput('Uppgiften hänvisar till något som inte finns (eller som används av annat och inte kan tas bort).');
    case '23502':
      return badInput('En uppgift som måste finnas saknas.');
    case '23505':
      return conflict('Det finns redan en likadan uppgift.');
    case '23514':
    case '22007':
    case '22008':
    case '22P02':
      return badInput('Ogiltigt värde.');
    default:
      return undefined;
  }
}
