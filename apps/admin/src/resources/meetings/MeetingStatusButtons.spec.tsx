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

// Only the limits and the convening preview come over the network here; any other request
// would bypass the data provider the status change must go through.
let unexpected: GraphQLCall[] = [];
afterEach(() => expect(unexpected.filter(c => c.operationName !== 'ConvenePreview')).toEqual([]));

const text = (sv: string) => ({ sv, en: sv });
/** The convening preview as the API answers it: with blockers or without. */
const preview = (blockers: boolean) => ({
    meeting: {
        id: 'm1',
        breakoutRooms: [],
        breakoutWindows: [{ opensAt: '2099-01-28T16:30:00Z' }],
        attendances: [
            { mode: 'REMOTE', member: { name: 'Anna Andersson', email: 'anna@example.se' } },
            { mode: 'REMOTE', member: { name: 'Bo Berg', email: null } },
            { mode: 'ON_SITE', member: { name: 'Cilla Carlsson', email: null } },
        ],
    },
    municipalitySettings: { linkDeliveryLeadMinutes: 60 },
    evaluateMeeting: {
        findings: blockers
            ? ['anna', 'bo'].map(memberId => ({
                  code: 'TRAINING_MISSING',
                  severity: 'blocker',
                  message: text('Utbildning saknas'),
                  basis: { reference: 'Kommunens regler' },
                  memberId,
                  itemId: null,
              }))
            : [],
        members: [
            { id: 'anna', name: 'Anna Andersson' },
            { id: 'bo', name: 'Bo Berg' },
        ],
        items: [],
        quorum: [],
        remoteParticipants: { planned: 2, cap: null },
    },
});

const renderButtons = (status: string, roles: string[], answer: (call: Call) => Promise<unknown>, blockers = false) => {
    unexpected = fakeApi(call =>
        call.operationName === 'ConvenePreview'
            ? { data: preview(blockers) }
            : { errors: [{ message: `unexpected ${call.operationName}` }] },
    );
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
    it('offers the statuses a planned meeting may move to, and convenes after showing what will happen', async () => {
        const calls = await renderButtons('PLANNED', ['secretary'], async ([id, status]) => ({ id, status }));
        const convene = await screen.findByRole('button', { name: 'Sätt till ”Kallat”' });
        expect(screen.getByRole('button', { name: 'Sätt till ”Inställt”' })).toBeTruthy();
        expect(screen.queryByRole('button', { name: /Pågår|Avslutat/ })).toBeNull();
        fireEvent.click(convene);
        const what = await screen.findByTestId('convene-preview');
        // Links go out an hour (the municipality's lead time) before the rooms open, Stockholm time.
        expect(what.textContent).toContain(
            'Personliga länkar skickas med e-post 28 jan. 2099 16:30 till partigruppernas ledamöter och till de 2 som deltar på distans.',
        );
        expect(what.textContent).toContain('Bo Berg saknar e-post');
        expect(calls).toEqual([]);
        fireEvent.click(screen.getByRole('button', { name: 'Kalla' }));
        await waitFor(() => expect(calls).toEqual([['m1', 'CONVENED']]));
    });

    it('lists the blockers with the people and tells a secretary who may override', async () => {
        const calls = await renderButtons('PLANNED', ['secretary'], async () => ({}), true);
        fireEvent.click(await screen.findByRole('button', { name: 'Sätt till ”Kallat”' }));
        const blockers = await screen.findByTestId('convene-blockers');
        expect(blockers.textContent).toContain(
            '2 ledamöter på distans saknar utbildning som krävs: Anna Andersson, Bo Berg',
        );
        expect(screen.getByRole('link', { name: 'Registrera utbildning: Bo Berg' }).getAttribute('href')).toBe(
            '#/members/bo',
        );
        expect(screen.getByText(/En administratör för kommunen kan kalla ändå/)).toBeTruthy();
        expect(screen.queryByRole('button', { name: /^Kalla/ })).toBeNull();
        expect(calls).toEqual([]);
    });

    it('asks before cancelling', async () => {
        const calls = await renderButtons('PLANNED', ['secretary'], async ([id, status]) => ({ id, status }));
        fireEvent.click(await screen.findByRole('button', { name: 'Sätt till ”Inställt”' }));
        expect((await screen.findByRole('dialog')).textContent).toContain('kan inte kallas igen');
        fireEvent.click(screen.getByRole('button', { name: 'Ja, ändra' }));
        await waitFor(() => expect(calls).toEqual([['m1', 'CANCELLED']]));
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

    it('lets an administrator convene despite blockers, with a reason of at least 20 characters', async () => {
        const calls = await renderButtons(
            'PLANNED',
            ['tenant-admin'],
            async ([id, status, reason]) => {
                if (!reason)
                    throw new ApiError('Kallelsen bryter mot reglerna: för få på plats', 422, 'RULE_VIOLATION');
                return { id, status };
            },
            true,
        );
        fireEvent.click(await screen.findByRole('button', { name: 'Sätt till ”Kallat”' }));
        await screen.findByTestId('convene-blockers');
        expect(screen.getByText(/Du är administratör och kan kalla ändå/)).toBeTruthy();
        // The minimum is the API's (Limits query), shown once it has arrived.
        expect(await screen.findByText('Minst 20 tecken.')).toBeTruthy();
        const confirm = screen.getByRole('button', { name: 'Kalla trots hinder' }) as HTMLButtonElement;
        const reasonBox = screen.getByRole('textbox', { name: /Motivering/ });
        fireEvent.change(reasonBox, { target: { value: 'För kort' } });
        expect(confirm.disabled).toBe(true);
        fireEvent.change(reasonBox, { target: { value: '  Beslut i KS om extra sammanträde  ' } });
        expect(confirm.disabled).toBe(false);
        fireEvent.click(confirm);
        await waitFor(() => expect(calls).toEqual([['m1', 'CONVENED', 'Beslut i KS om extra sammanträde']]));
    });

    it('shows a refusal that arrives after the preview, and no override to a secretary', async () => {
        const calls = await renderButtons('PLANNED', ['secretary'], async () => {
            throw new ApiError('Kallelsen bryter mot reglerna', 422, 'RULE_VIOLATION');
        });
        fireEvent.click(await screen.findByRole('button', { name: 'Sätt till ”Kallat”' }));
        await screen.findByTestId('convene-preview');
        fireEvent.click(screen.getByRole('button', { name: 'Kalla' }));
        expect(await screen.findByText('Kallelsen bryter mot reglerna')).toBeTruthy();
        expect(screen.getByText(/En administratör för kommunen kan kalla ändå/)).toBeTruthy();
        expect(screen.queryByRole('button', { name: 'Kalla trots hinder' })).toBeNull();
        expect(calls).toEqual([['m1', 'CONVENED']]);
    });
});
