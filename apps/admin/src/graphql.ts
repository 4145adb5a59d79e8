import { HttpError } from 'react-admin';
import { apiUrl } from './api';
import { getAccessToken } from './auth/accessToken';
import type { TypedDocumentString } from './gql/graphql';

/** The stable error codes the API puts in `extensions.code`. */
export type ApiErrorCode =
    'BAD_USER_INPUT' | 'FORBIDDEN' | 'NOT_FOUND' | 'UNAUTHENTICATED' | 'RULE_VIOLATION' | 'CONFLICT';

interface GraphQLErrorShape {
    message: string;
    extensions?: { code?: string; fields?: Record<string, string> };
}

// react-admin reasons in HTTP statuses (401 logs out, 403 is "access denied"), so each
// GraphQL code is mapped to the status that gives it the right behaviour.
const statusByCode: Record<string, number> = {
    BAD_USER_INPUT: 400,
    UNAUTHENTICATED: 401,
    FORBIDDEN: 403,
    NOT_FOUND: 404,
    CONFLICT: 409,
    RULE_VIOLATION: 422,
};

export class ApiError extends HttpError {
    constructor(
        message: string,
        status: number,
        readonly code: string | undefined,
        body: unknown = null,
    ) {
        super(message, status, body);
        // react-admin's HttpError resets the prototype to its own, which would make every
        // ApiError fail `instanceof ApiError` (and hide the convene-anyway dialog).
        Object.setPrototypeOf(this, new.target.prototype);
        this.name = 'ApiError';
    }
}

const toApiError = (errors: GraphQLErrorShape[]): ApiError => {
    const first = errors[0];
    const code = first?.extensions?.code;
    const messages = [...new Set(errors.map(e => e.message).filter(Boolean))];
    const message = messages.join(' ') || 'app.errors.unknown';
    const fields = errors.reduce<Record<string, string>>((all, e) => ({ ...all, ...(e.extensions?.fields ?? {}) }), {});
    // `body.errors` is what react-admin's forms read to mark fields; `root.serverError`
    // becomes the notification text instead of the generic "form is not valid".
    const body = Object.keys(fields).length > 0 ? { errors: { ...fields, root: { serverError: message } } } : null;
    return new ApiError(message, (code && statusByCode[code]) || 500, code, body);
};

/** Variables are required exactly when the operation declares some. */
type VariablesArg<V> = [V] extends [Record<string, never>] ? [variables?: V] : [variables: V];

/**
 * Sends one typed document (`graphql(...)` from ./gql, generated from schema.graphql): the
 * result and the variables are the operation's own types, so a query that no longer fits
 * the schema fails codegen or the type-check rather than a user.
 */
export const graphqlRequest = async <TResult, TVariables>(
    document: TypedDocumentString<TResult, TVariables>,
    ...[variables]: VariablesArg<NoInfer<TVariables>>
): Promise<TResult> => {
    const query = document.toString();
    const token = await getAccessToken();
    let response: Response;
    try {
        response = await fetch(apiUrl('/graphql'), {
            method: 'POST',
            headers: {
                'Content-Type': 'application/json',
                Accept: 'application/json',
                ...(token ? { Authorization: `Bearer ${token}` } : {}),
            },
            body: JSON.stringify({ query, variables: variables ?? {} }),
        });
    } catch {
        throw new ApiError('app.errors.network', 0, undefined);
    }
    let payload: { data?: TResult | null; errors?: GraphQLErrorShape[] } | undefined;
    try {
        payload = await response.json();
    } catch {
        payload = undefined;
    }
    if (payload?.errors?.length) throw toApiError(payload.errors);
    if (!response.ok || !payload?.data) {
        if (response.status === 401) throw new ApiError('ra.auth.auth_check_error', 401, 'UNAUTHENTICATED');
        if (response.status === 403) throw new ApiError('ra.notification.not_authorized', 403, 'FORBIDDEN');
        throw new ApiError('app.errors.unknown', response.status || 500, undefined);
    }
    return payload.data;
};

/** Runs one typed mutation for a panel (which then reloads), handing its result to `done`. */
export type RunDocument = <TResult, TVariables>(
    document: TypedDocumentString<TResult, TVariables>,
    variables: TVariables,
    done?: (result: TResult) => void,
) => Promise<void>;
