import { useEffect, useState } from 'react';
import { graphql } from './gql';
import type { LimitsQuery } from './gql/graphql';
import { graphqlRequest } from './graphql';

const LimitsDocument = graphql(`
    query Limits {
        limits {
            maxPerPage
            overrideReasonMinLength
            trainingValidityMonthsMax
        }
    }
`);

export type Limits = LimitsQuery['limits'];

let pending: Promise<Limits> | null = null;

/**
 * The API's own limits (page size, override reason length, …), asked once per page load:
 * the admin keeps no copies of them. A failed request is asked again next time.
 */
export const getLimits = (): Promise<Limits> => {
    pending ??= graphqlRequest(LimitsDocument).then(
        ({ limits }) => limits,
        error => {
            pending = null;
            throw error;
        },
    );
    return pending;
};

/** The API's limits for a component; null until they have arrived. */
export const useLimits = (): Limits | null => {
    const [limits, setLimits] = useState<Limits | null>(null);
    useEffect(() => {
        let live = true;
        getLimits().then(
            l => live && setLimits(l),
            () => undefined,
        );
        return () => {
            live = false;
        };
    }, []);
    return limits;
};
