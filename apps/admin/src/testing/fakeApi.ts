/**
 * A stand-in for the API at the network boundary (window.fetch): answers /auth/config as the
 * dev sign-in does and /graphql from `answer`, and records every GraphQL request. Tests go
 * through the admin's public functions and components, so they keep working whatever client
 * code sits between them and fetch.
 */
export interface GraphQLCall {
    query: string;
    variables: Record<string, unknown>;
    headers: Record<string, string>;
}

type Answer = (call: GraphQLCall) => { data?: unknown; errors?: unknown[] } | Promise<{ data?: unknown; errors?: unknown[] }>;

const json = (body: unknown, status = 200) =>
    ({
        ok: status >= 200 && status < 300,
        status,
        json: async () => body,
        text: async () => JSON.stringify(body),
    }) as Response;

export const fakeApi = (answer: Answer) => {
    const calls: GraphQLCall[] = [];
    globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
        const url = String(input);
        if (url.endsWith('/auth/config')) return json({ mode: 'dev' });
        if (url.endsWith('/graphql')) {
            const body = JSON.parse(String(init?.body ?? '{}'));
            const call = { query: body.query, variables: body.variables ?? {}, headers: { ...(init?.headers as Record<string, string>) } };
            calls.push(call);
            return json(await answer(call));
        }
        return json({ message: 'not found' }, 404);
    }) as typeof fetch;
    return calls;
};
