import { afterEach, describe, expect, it } from '@jest/globals';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { AdminContext, Notification, RecordContextProvider, useGetIdentity, type AuthProvider } from 'react-admin';
import { ApiError } from '../../graphql';
import { i18nProvider } from '../../i18n';
import type { MotesplatsDataProvider } from '../../dataProvider';
import { fakeApi, type GraphQLCall } from '../../testing/fakeApi';
import { MeetingStatusButtons } from './MeetingStatusButtons';

/** Shows once the signed-in identity (and so the roles) has loaded. */
const IdentityLoaded = () => (useGetIdentity().identity ? <span>identity loaded</span> : null);

type Call = [id: unknown, status: string, reason?: string];

/** A meeting's `nextStatuses` as the API resolves them (apps/api/src/meetings/meeting-status.ts). */
const nextStatusesFromApi: Record<string, string[]> = {
    PLANNED: ['CONVENED', 'CANCELLED'],
    IN_PROGRESS: ['RECESS', 'ENDED'],
    ENDED: [],
};

// Only the limits (the override reason's minimum length) come over the network here; any
// other request would bypass the data provider the status change must go through.
let unexpected: GraphQLCall[] = [];
afterEach(() => expect(unexpected).toEqual([]));

const renderButtons = (status: string, roles: string[], answer: (call: Call) => Promise<unknown>) => {
    unexpected = fakeApi(call => ({ errors: [{ message: `unexpected ${call.operationName}` }] }));
    const calls: Call[] = [];
    const dataProvider = {
        changeMeetingStatus: async (id: unknown, next: string, reason?: string) => {
            calls.push(reason === undefined ? [id, next] : [id, next, reason]);
            return { data: await answer([id, next, reason]) };
        },
    } as unknown as MotesplatsDataProvider;
    const authProvider: AuthProvider = {
        login: async () => undefined,
        logout: async () => undefined,
        checkAuth: async () => undefined,
        checkError: async () => undefined,
        getPermissions: async () => roles,
        getIdentity: async () => ({ id: 'u1', fullName: 'Test', roles }),
    };
    render(
        <AdminContext dataProvider={dataProvider} authProvider={authProvider} i18nProvider={i18nProvider}>
            <RecordContextProvider value={{ id: 'm1', status, nextStatuses: nextStatusesFromApi[status] }}>
                <MeetingStatusButtons />
                <IdentityLoaded />
            </RecordContextProvider>
            <Notification />
        </AdminContext>,
    );
    return screen.findByText('identity loaded').then(() => calls);
};

describe('MeetingStatusButtons', () => {
    it('offers the statuses a planned meeting may move to, and changes to the one clicked', async () => {
        const calls = await renderButtons('PLANNED', ['secretary'], async ([id, status]) => ({ id, status }));
        const convene = await screen.findByRole('button', { name: 'Sätt till ”Kallat”' });
        expect(screen.getByRole('button', { name: 'Sätt till ”Inställt”' })).toBeTruthy();
        expect(screen.queryByRole('button', { name: /Pågår|Avslutat/ })).toBeNull();
        fireEvent.click(convene);
        await waitFor(() => expect(calls).toEqual([['m1', 'CONVENED']]));
    });

    it('offers recess or ending for a meeting in progress, and no cancelling', async () => {
        const calls = await renderButtons('IN_PROGRESS', ['secretary'], async ([id, status]) => ({ id, status }));
        const end = await screen.findByRole('button', { name: 'Sätt till ”Avslutat”' });
        expect(screen.getByRole('button', { name: 'Sätt till ”Ajournerat”' })).toBeTruthy();
        // The API refuses cancelling a meeting that has begun; the admin used to offer it anyway.
        expect(screen.queryByRole('button', { name: /Inställt/ })).toBeNull();
        expect(screen.queryAllByRole('button')).toHaveLength(2);
        fireEvent.click(end);
        await waitFor(() => expect(calls).toEqual([['m1', 'ENDED']]));
    });

    it('offers nothing for an ended meeting', async () => {
        await renderButtons('ENDED', ['secretary'], async () => ({}));
        expect(await screen.findByText(/statusen kan inte längre ändras/)).toBeTruthy();
        expect(screen.queryAllByRole('button')).toHaveLength(0);
    });

    it('lets an administrator convene despite a rule violation, with a reason of at least 20 characters', async () => {
        const calls = await renderButtons('PLANNED', ['tenant-admin'], async ([id, status, reason]) => {
            if (!reason) throw new ApiError('Kallelsen bryter mot reglerna: för få på plats', 422, 'RULE_VIOLATION');
            return { id, status };
        });
        fireEvent.click(await screen.findByRole('button', { name: 'Sätt till ”Kallat”' }));
        const dialog = await screen.findByRole('dialog');
        expect(dialog.textContent).toContain('Kallelsen bryter mot reglerna: för få på plats');
        // The minimum is the API's (Limits query), shown once it has arrived.
        expect(await screen.findByText('Minst 20 tecken.')).toBeTruthy();
        const confirm = screen.getByRole('button', { name: 'Kalla trots hinder' }) as HTMLButtonElement;
        const reasonBox = screen.getByRole('textbox', { name: /Motivering/ });
        fireEvent.change(reasonBox, { target: { value: 'För kort' } });
        expect(confirm.disabled).toBe(true);
        fireEvent.change(reasonBox, { target: { value: '  Beslut i KS om extra sammanträde  ' } });
        expect(confirm.disabled).toBe(false);
        fireEvent.click(confirm);
        await waitFor(() =>
            expect(calls).toEqual([
                ['m1', 'CONVENED'],
                ['m1', 'CONVENED', 'Beslut i KS om extra sammanträde'],
            ]),
        );
    });

    it('does not offer the override to a secretary: the refusal is only shown', async () => {
        const calls = await renderButtons('PLANNED', ['secretary'], async () => {
            throw new ApiError('Kallelsen bryter mot reglerna', 422, 'RULE_VIOLATION');
        });
        fireEvent.click(await screen.findByRole('button', { name: 'Sätt till ”Kallat”' }));
        expect(await screen.findByText('Kallelsen bryter mot reglerna')).toBeTruthy();
        expect(screen.queryByRole('dialog')).toBeNull();
        expect(calls).toEqual([['m1', 'CONVENED']]);
    });
});
