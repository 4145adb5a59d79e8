import { describe, expect, it } from '@jest/globals';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { AdminContext } from 'react-admin';
import { i18nProvider } from '../../i18n';
import { fakeApi } from '../../testing/fakeApi';
import { CsvImport } from './CsvImport';

const CSV = 'member_id;member_name;member_email;module_key;completed_on\nm1;;;remote-participation-basics;2026-01-15\n';

/** Runs the action as TrainingPage does, minus the notification. */
const run = async (action: () => Promise<unknown>) => {
    await action();
};

const renderImport = () =>
    render(
        <AdminContext i18nProvider={i18nProvider}>
            <CsvImport canWrite run={run} />
        </AdminContext>,
    );

const report = (over: Record<string, unknown>) => ({
    dryRun: true,
    rows: 1,
    toImport: 1,
    alreadyRecorded: 0,
    imported: 0,
    errors: [],
    ...over,
});

describe('CsvImport', () => {
    it('checks the file first (dry run), then imports exactly that file', async () => {
        const calls = fakeApi(({ variables }) =>
            variables.dry
                ? { data: { importTrainingCompletions: report({ rows: 3, toImport: 2, alreadyRecorded: 1 }) } }
                : {
                      data: {
                          importTrainingCompletions: report({
                              dryRun: false,
                              rows: 3,
                              toImport: 2,
                              alreadyRecorded: 1,
                              imported: 2,
                          }),
                      },
                  },
        );
        renderImport();
        const importButton = screen.getByRole('button', { name: 'Importera' }) as HTMLButtonElement;
        expect(importButton.disabled).toBe(true);
        fireEvent.change(screen.getByRole('textbox'), { target: { value: CSV } });
        fireEvent.click(screen.getByRole('button', { name: 'Kontrollera (inget sparas)' }));
        expect((await screen.findByRole('status')).textContent).toBe('3 rader: 2 nya, 1 redan registrerade.');
        expect(importButton.disabled).toBe(false);
        fireEvent.click(importButton);
        await waitFor(() => expect(screen.getByRole('status').textContent).toBe('2 utbildningar importerades.'));
        expect(calls.map(c => c.variables)).toEqual([
            { csv: CSV, dry: true },
            { csv: CSV, dry: false },
        ]);
    });

    it('lists the lines with errors and keeps the import closed', async () => {
        fakeApi(() => ({
            data: {
                importTrainingCompletions: report({
                    rows: 2,
                    toImport: 1,
                    errors: [{ line: 3, reason: 'Okänd utbildning: grundkurs' }],
                }),
            },
        }));
        renderImport();
        fireEvent.change(screen.getByRole('textbox'), { target: { value: CSV } });
        fireEvent.click(screen.getByRole('button', { name: 'Kontrollera (inget sparas)' }));
        const errors = await screen.findByRole('table', {
            name: 'Rader med fel – inget importeras förrän alla är rättade',
        });
        expect(within(errors).getByText('Okänd utbildning: grundkurs')).toBeTruthy();
        expect(within(errors).getByText('3')).toBeTruthy();
        expect((screen.getByRole('button', { name: 'Importera' }) as HTMLButtonElement).disabled).toBe(true);
    });

    it('closes the import again when the checked text is edited', async () => {
        fakeApi(() => ({ data: { importTrainingCompletions: report({}) } }));
        renderImport();
        const box = screen.getByRole('textbox');
        fireEvent.change(box, { target: { value: CSV } });
        fireEvent.click(screen.getByRole('button', { name: 'Kontrollera (inget sparas)' }));
        await screen.findByRole('status');
        const importButton = screen.getByRole('button', { name: 'Importera' }) as HTMLButtonElement;
        expect(importButton.disabled).toBe(false);
        fireEvent.change(box, { target: { value: `${CSV}m2;;;remote-participation-basics;2026-01-16\n` } });
        expect(importButton.disabled).toBe(true);
    });
});
