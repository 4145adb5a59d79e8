/**
 * Which actions a personal join link offers, and how the table sorts and filters links.
 * Pure, so that the rules ("Skicka" only for links never sent, "Skicka igen" only for sent
 * ones, nothing for a meeting no longer on) are tested without rendering.
 */

export interface LinkState {
    member: { name: string; email: string | null };
    deliveryChannel: 'EMAIL' | 'SECRETARY' | null;
    deliveredAt: string | null;
    deliveryError: string | null;
    firstUsedAt: string | null;
    revokedAt: string | null;
}

export type LinkAction = 'send' | 'resend' | 'hand_over' | 'revoke';
export type DeliveryState = 'not_sent' | 'sent' | 'failed' | 'revoked';

export const deliveryState = (l: LinkState): DeliveryState =>
    l.revokedAt ? 'revoked' : l.deliveryError ? 'failed' : l.deliveredAt ? 'sent' : 'not_sent';

/**
 * `live`: the meeting (or session) is convened and not over — the API hands out no link otherwise,
 * so the table offers nothing that it would refuse.
 */
export const linkActions = (l: LinkState, live: boolean): LinkAction[] => {
    if (!live) return [];
    const state = deliveryState(l);
    // Without e-mail the secretary is the channel: the link is shown to be handed over.
    const deliver: LinkAction = !l.member.email ? 'hand_over' : state === 'not_sent' ? 'send' : 'resend';
    return state === 'revoked' ? [deliver] : [deliver, 'revoke'];
};

/** Sending again (or handing over anew) replaces a link that has gone out: the old one stops working. */
export const replacesOldLink = (l: LinkState): boolean => deliveryState(l) !== 'not_sent';

export type SortKey = 'member' | 'place' | 'delivery' | 'used';

export const compareLinks = (key: SortKey, place?: (l: LinkState) => string) => {
    const value = (l: LinkState): string => {
        switch (key) {
            case 'member':
                return l.member.name;
            case 'place':
                return place?.(l) ?? '';
            case 'delivery':
                return `${deliveryState(l)}|${l.deliveredAt ?? ''}`;
            case 'used':
                return l.firstUsedAt ?? '';
        }
    };
    return (a: LinkState, b: LinkState) => value(a).localeCompare(value(b), 'sv');
};

export const filterLinks = <T extends LinkState>(links: T[], query: string, state: DeliveryState | 'all'): T[] => {
    const q = query.trim().toLocaleLowerCase('sv');
    return links.filter(
        l =>
            (state === 'all' || deliveryState(l) === state) &&
            (q === '' || l.member.name.toLocaleLowerCase('sv').includes(q)),
    );
};
