import { beforeEach, describe, expect, it } from '@jest/globals';
import { dataProvider } from './dataProvider';
import { storeToken } from './auth/session';
import { fakeApi } from './testing/fakeApi';

const meeting = (n: number) => ({ id: `m${n}`, title: `Möte ${n}` });

describe('dataProvider', () => {
    beforeEach(() => sessionStorage.clear());

    it('walks the API pages of 100 when react-admin asks for a bigger page (exports)', async () => {
        const all = Array.from({ length: 250 }, (_, i) => meeting(i));
        const calls = fakeApi(({ variables }) => {
            const { page, perPage } = variables as { page: number; perPage: number };
            return { data: { result: { items: all.slice((page - 1) * perPage, page * perPage), total: all.length } } };
        });
        const { data, total } = await dataProvider.getList('meetings', {
            pagination: { page: 1, perPage: 1000 },
            sort: { field: 'id', order: 'ASC' },
            filter: {},
        });
        expect(total).toBe(250);
        expect(data.map(r => r.id)).toEqual(all.map(r => r.id));
        expect(calls.map(c => c.operationName)).toEqual(['MeetingList', 'MeetingList', 'MeetingList']);
        // 100 is the maxPerPage the (fake) API answers the Limits query with; the admin keeps no copy.
        expect(calls.map(c => [c.variables.page, c.variables.perPage])).toEqual([
            [1, 100],
            [2, 100],
            [3, 100],
        ]);
    });

    it('sends no empty filters and no sort on id, and the signed-in token as a bearer', async () => {
        storeToken('token-123');
        const calls = fakeApi(() => ({ data: { result: { items: [meeting(1)], total: 1 } } }));
        await dataProvider.getList('meetings', {
            pagination: { page: 2, perPage: 10 },
            sort: { field: 'id', order: 'DESC' },
            filter: { q: '', bodyId: 'b1', status: [], place: null },
        });
        expect(calls.map(c => c.operationName)).toEqual(['MeetingList']);
        expect(calls[0]!.variables).toMatchObject({ page: 2, perPage: 10, filter: { bodyId: 'b1' } });
        expect(calls[0]!.variables.sortField).toBeUndefined();
        expect(calls[0]!.headers.Authorization).toBe('Bearer token-123');
    });

    it('updates only the fields that changed, and never the owning keys', async () => {
        const calls = fakeApi(({ variables }) => ({ data: { result: { id: variables.id, title: 'Nytt' } } }));
        await dataProvider.update('meetings', {
            id: 'm1',
            data: { id: 'm1', bodyId: 'b2', title: 'Nytt', place: 'Sessionssalen', status: 'PLANNED' },
            previousData: { id: 'm1', bodyId: 'b1', title: 'Gammalt', place: 'Sessionssalen', status: 'PLANNED' },
        });
        expect(calls.map(c => c.operationName)).toEqual(['MeetingUpdate']);
        expect(calls[0]!.variables).toEqual({ id: 'm1', input: { title: 'Nytt' } });
    });

    it('turns GraphQL errors into ApiErrors with the code, an HTTP-like status and field errors', async () => {
        fakeApi(() => ({
            errors: [
                {
                    message: 'Titeln är för lång',
                    extensions: { code: 'BAD_USER_INPUT', fields: { title: 'För lång' } },
                },
            ],
        }));
        const failure = await dataProvider.create('meetings', { data: { title: 'x'.repeat(500), bodyId: 'b1' } }).then(
            () => undefined,
            (e: unknown) => e,
        );
        expect(failure).toMatchObject({
            name: 'ApiError',
            code: 'BAD_USER_INPUT',
            status: 400,
            message: 'Titeln är för lång',
            body: { errors: { title: 'För lång', root: { serverError: 'Titeln är för lång' } } },
        });
    });

    it('changes a meeting status through its own mutation, passing the override reason', async () => {
        const calls = fakeApi(({ variables }) => ({
            data: { result: { id: variables.id, status: variables.status } },
        }));
        const { data } = await dataProvider.changeMeetingStatus('m1', 'CONVENED', 'Extra sammanträde enligt beslut');
        expect(data).toMatchObject({ id: 'm1', status: 'CONVENED' });
        expect(calls.map(c => c.operationName)).toEqual(['ChangeMeetingStatus']);
        expect(calls[0]!.variables).toEqual({
            id: 'm1',
            status: 'CONVENED',
            reason: 'Extra sammanträde enligt beslut',
        });
    });
});
