/**
 * A stand-in for the API at the network boundary (window.fetch): answers /auth/config as the
 * dev sign-in does, the `Limits` query as the API does, and every other /graphql request from
 * `answer`, recording those. Tests go through the admin's public functions and components, so
 * they keep working whatever client code sits between them and fetch.
 */
export interface GraphQLCall {
    /** The operation's name, as the API's logs and tracing see it (e.g. `MeetingList`). */
    operationName: string | undefined;
    query: string;
    variables: Record<string, unknown>;
    headers: Record<string, string>;
}

type Answer = (
    call: GraphQLCall,
) => { data?: unknown; errors?: unknown[] } | Promise<{ data?: unknown; errors?: unknown[] }>;

/**
 * The API's own values (`limits` in apps/api/src/common/limits.resolver.ts: MAX_PER_PAGE,
 * OVERRIDE_REASON_MIN_LENGTH, TRAINING_VALIDITY_MONTHS_MAX). The admin asks for them once per
 * page load, so they are answered here rather than by every test's `answer`.
 */
export const apiLimits = { maxPerPage: 100, overrideReasonMinLength: 20, trainingValidityMonthsMax: 120 } as const;

/** The body's operationName if sent, else the name of the document's operation (fragments may precede it). */
const operationNameOf = (body: { query?: unknown; operationName?: unknown }) =>
    typeof body.operationName === 'string'
        ? body.operationName
        : /(?:^|\})\s*(?:query|mutation|subscription)\s+(\w+)/.exec(String(body.query ?? ''))?.[1];

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
            const operationName = operationNameOf(body);
            if (operationName === 'Limits') return json({ data: { limits: apiLimits } });
            const call = {
                operationName,
                query: body.query,
                variables: body.variables ?? {},
                headers: { ...(init?.headers as Record<string, string>) },
            };
            calls.push(call);
            return json(await answer(call));
        }
        return json({ message: 'not found' }, 404);
    }) as typeof fetch;
    return calls;
};
