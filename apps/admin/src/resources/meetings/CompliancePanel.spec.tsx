import { describe, expect, it } from '@jest/globals';
import { render, screen, within } from '@testing-library/react';
import { AdminContext, RecordContextProvider } from 'react-admin';
import { i18nProvider } from '../../i18n';
import { fakeApi } from '../../testing/fakeApi';
import { CompliancePanel } from './CompliancePanel';

const text = (sv: string) => ({ sv, en: `${sv} (en)` });

/** An evaluation as the API's evaluateMeeting returns it. */
const evaluation = {
    compliant: false,
    meetingDate: '2026-03-10',
    ruleSet: { source: 'municipal', version: 3, decisionReference: 'KF 2025-11-20 § 140' },
    findings: [
        {
            code: 'REMOTE_ON_EXCLUDED_ITEM',
            severity: 'blocker',
            message: text('Deltar på distans i ett sekretessärende'),
            basis: { reference: 'KL 5 kap. 16 §' },
            memberId: 'anna',
            itemId: 'secret',
        },
    ],
    remoteEligibility: [
        {
            memberId: 'chair',
            itemId: 'budget',
            mayTakePartRemotely: false,
            reasons: [{ code: 'PRESIDIUM_MUST_BE_ON_SITE', message: text('Presidiet ska vara på plats') }],
        },
        {
            memberId: 'chair',
            itemId: 'secret',
            mayTakePartRemotely: false,
            reasons: [{ code: 'PRESIDIUM_MUST_BE_ON_SITE', message: text('Presidiet ska vara på plats') }],
        },
        {
            memberId: 'anna',
            itemId: 'budget',
            mayTakePartRemotely: true,
            reasons: [{ code: 'REMOTE_ALLOWED', message: text('Får delta på distans') }],
        },
        {
            memberId: 'anna',
            itemId: 'secret',
            mayTakePartRemotely: false,
            reasons: [{ code: 'ITEM_EXCLUDED', message: text('Sekretessärende') }],
        },
    ],
    quorum: [
        { itemId: 'budget', required: 3, counted: 3, countedRemote: 1, seats: 5, hasQuorum: true },
        { itemId: 'secret', required: 3, counted: 2, countedRemote: 0, seats: 5, hasQuorum: false },
    ],
    remoteParticipants: { planned: 1, cap: 2 },
    members: [
        { id: 'chair', name: 'Ordförande Olsson', role: 'chair', mode: 'on_site', voting: true },
        { id: 'anna', name: 'Anna Andersson', role: 'member', mode: 'remote', voting: true },
        { id: 'deputy', name: 'Ersättare Eriksson', role: 'deputy', mode: 'absent', voting: false },
    ],
    items: [
        { id: 'budget', number: 1, title: 'Budget 2027', kinds: [] },
        { id: 'secret', number: 2, title: 'Förvärv av fastighet', kinds: ['confidential'] },
    ],
};

describe('CompliancePanel', () => {
    it('asks the API about the meeting shown and lays out the member × item matrix with quorum', async () => {
        const calls = fakeApi(() => ({ data: { evaluateMeeting: evaluation } }));
        render(
            <AdminContext i18nProvider={i18nProvider}>
                <RecordContextProvider value={{ id: 'meeting-7' }}>
                    <CompliancePanel />
                </RecordContextProvider>
            </AdminContext>,
        );
        const matrix = await screen.findByTestId('compliance-matrix');
        expect(calls.map(c => c.variables)).toEqual([{ m: 'meeting-7' }]);

        const rows = within(matrix).getAllByRole('row');
        const cells = (row: HTMLElement) => [...row.querySelectorAll('th, td')].map(c => c.textContent);
        // Header: member, mode, then the item numbers; the absent, non-voting deputy has no row.
        expect(cells(rows[0]!).slice(2)).toEqual(['1', '2']);
        expect(rows.map(r => cells(r)[0])).toEqual(['Ledamot', 'Ordförande Olsson', 'Anna Andersson', 'Beslutförhet']);
        expect(cells(rows[1]!).slice(2)).toEqual(['✗', '✗']);
        expect(cells(rows[2]!).slice(2)).toEqual(['✓', '✗']);
        // Each cell names its reason for screen readers, in the UI language (Swedish).
        expect(within(rows[2]!).getByLabelText(/Sekretessärende$/).textContent).toBe('✗');
        // Quorum per item: counted/required.
        expect(cells(rows[3]!).slice(1)).toEqual(['3/3', '2/3']);

        expect(screen.getByText('1 hinder måste åtgärdas innan sammanträdet kan kallas.')).toBeTruthy();
        const summary = screen.getByTestId('compliance-summary');
        expect(summary.textContent).toContain('Högst 2 på distans – 1 planerade');
        expect(summary.textContent).toContain('Inte beslutfört i 1 ärende');
        const finding = within(screen.getByTestId('compliance-findings')).getAllByRole('listitem')[0]!;
        expect(finding.textContent).toContain(
            '1 ledamot på distans räknas som frånvarande i ärende 2 (sekretess): Anna Andersson – Ändra närvaro',
        );
        expect(within(finding).getByRole('link', { name: 'Ändra närvaro' }).getAttribute('href')).toBe(
            '#/meetings/meeting-7/show/attendance',
        );
    });

    it('says what still blocks a convened meeting, never that it cannot be convened', async () => {
        fakeApi(() => ({ data: { evaluateMeeting: evaluation } }));
        render(
            <AdminContext i18nProvider={i18nProvider}>
                <RecordContextProvider value={{ id: 'meeting-7', status: 'CONVENED' }}>
                    <CompliancePanel />
                </RecordContextProvider>
            </AdminContext>,
        );
        await screen.findByTestId('compliance-matrix');
        expect(document.body.textContent).not.toMatch(/kan (inte )?kallas/);
        expect(
            screen.getByText(
                'Sammanträdet är kallat. 1 hinder återstår för själva sammanträdet – åtgärda det innan det börjar.',
            ),
        ).toBeTruthy();
    });

    it('shows the API refusal instead of a matrix', async () => {
        fakeApi(() => ({ errors: [{ message: 'Sammanträdet finns inte', extensions: { code: 'NOT_FOUND' } }] }));
        render(
            <AdminContext i18nProvider={i18nProvider}>
                <RecordContextProvider value={{ id: 'gone' }}>
                    <CompliancePanel />
                </RecordContextProvider>
            </AdminContext>,
        );
        expect(await screen.findByText('Sammanträdet finns inte')).toBeTruthy();
        expect(screen.queryByTestId('compliance-matrix')).toBeNull();
    });
});
