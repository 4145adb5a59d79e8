import { describe, expect, it } from '@jest/globals';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { AdminContext } from 'react-admin';
import { i18nProvider } from '../i18n';
import { JoinLinksTable, type JoinLinkRow } from './JoinLinksTable';
import { filterLinks, linkActions, type LinkState } from './joinLinkActions';

const link = (over: Partial<JoinLinkRow> & { id: string; name: string; email?: string | null }): JoinLinkRow => ({
    id: over.id,
    member: { name: over.name, email: over.email === undefined ? `${over.id}@example.se` : over.email },
    deliveryChannel: over.deliveryChannel ?? null,
    deliveredAt: over.deliveredAt ?? null,
    deliveryError: over.deliveryError ?? null,
    firstUsedAt: over.firstUsedAt ?? null,
    useCount: over.useCount ?? 0,
    revokedAt: over.revokedAt ?? null,
});

const neverSent = link({ id: 'a', name: 'Anna Andersson' });
const sent = link({ id: 'b', name: 'Bertil Berg', deliveryChannel: 'EMAIL', deliveredAt: '2027-01-20T09:00:00Z' });
const noEmail = link({ id: 'c', name: 'Cecilia Ceder', email: null });
const revoked = link({
    id: 'd',
    name: 'David Dahl',
    deliveryChannel: 'EMAIL',
    deliveredAt: '2027-01-20T09:00:00Z',
    revokedAt: '2027-01-21T09:00:00Z',
});

describe('linkActions', () => {
    it('offers "Skicka" for a link never sent and "Skicka igen" only for one that went out', () => {
        expect(linkActions(neverSent, true)).toEqual(['send', 'revoke']);
        expect(linkActions(sent, true)).toEqual(['resend', 'revoke']);
        expect(linkActions({ ...neverSent, deliveryError: 'SMTP 550' } as LinkState, true)).toEqual([
            'resend',
            'revoke',
        ]);
        expect(linkActions(revoked, true)).toEqual(['resend']);
        expect(linkActions(noEmail, true)).toEqual(['hand_over', 'revoke']);
    });
    it('offers nothing for a meeting that is not convened or is over', () => {
        for (const l of [neverSent, sent, noEmail, revoked]) expect(linkActions(l, false)).toEqual([]);
    });
    it('filters by name and delivery state', () => {
        const all = [neverSent, sent, noEmail, revoked];
        expect(filterLinks(all, 'ber', 'all').map(l => l.id)).toEqual(['b']);
        expect(filterLinks(all, '', 'not_sent').map(l => l.id)).toEqual(['a', 'c']);
        expect(filterLinks(all, '', 'revoked').map(l => l.id)).toEqual(['d']);
    });
});

const renderTable = (links: JoinLinkRow[], run: Parameters<typeof JoinLinksTable>[0]['run'], live = true) =>
    render(
        <AdminContext i18nProvider={i18nProvider}>
            <JoinLinksTable
                links={links}
                membersWithoutEmail={[{ id: 'mc', name: 'Cecilia Ceder', phone: '070-123 45 67' }]}
                run={run}
                live={live}
            />
        </AdminContext>,
    );

describe('JoinLinksTable', () => {
    it('says why it is empty', () => {
        renderTable([], async () => undefined);
        expect(screen.getByTestId('join-links-empty').textContent).toContain('Inga länkar än');
    });

    it('asks before sending again, saying the old link stops working', async () => {
        const calls: unknown[] = [];
        renderTable([sent], async (_doc, variables, done) => {
            calls.push(variables);
            done?.({ resendJoinLink: { url: null } } as never);
        });
        fireEvent.click(screen.getByRole('button', { name: 'Skicka igen: Bertil Berg' }));
        const dialog = await screen.findByRole('dialog');
        expect(dialog.textContent).toContain('Den gamla länken slutar fungera');
        expect(calls).toEqual([]);
        fireEvent.click(within(dialog).getByRole('button', { name: 'Skicka igen' }));
        await waitFor(() => expect(calls).toEqual([{ id: 'b' }]));
    });

    it('shows a hand-over link in the row and shows it again without asking for a new one', async () => {
        let issued = 0;
        renderTable([noEmail, neverSent], async (_doc, _variables, done) => {
            issued++;
            done?.({ resendJoinLink: { url: `https://m.example/join/token-${issued}` } } as never);
        });
        fireEvent.click(screen.getByRole('button', { name: 'Lämna över: Cecilia Ceder' }));
        fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Lämna över' }));
        await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
        const view = await screen.findByTestId('hand-over');
        expect((within(view).getByTestId('hand-over-url') as HTMLInputElement).value).toBe(
            'https://m.example/join/token-1',
        );
        expect(screen.getByText(/070-123 45 67/)).toBeTruthy();
        fireEvent.click(within(view).getByRole('button', { name: 'Stäng' }));
        expect(screen.queryByTestId('hand-over')).toBeNull();
        fireEvent.click(screen.getByRole('button', { name: 'Lämna över: Cecilia Ceder' }));
        expect(
            (within(await screen.findByTestId('hand-over')).getByTestId('hand-over-url') as HTMLInputElement).value,
        ).toBe('https://m.example/join/token-1');
        expect(issued).toBe(1);
    });

    it('sorts by member and offers no action on a meeting that is over', () => {
        renderTable([sent, neverSent], async () => undefined, false);
        const names = () => screen.getAllByTestId('join-link-row').map(r => r.querySelector('td')!.textContent);
        expect(names()).toEqual(['Anna Andersson', 'Bertil Berg']);
        fireEvent.click(screen.getByRole('button', { name: 'Ledamot' }));
        expect(names()).toEqual(['Bertil Berg', 'Anna Andersson']);
        expect(screen.queryByRole('button', { name: /Skicka/ })).toBeNull();
    });
});
