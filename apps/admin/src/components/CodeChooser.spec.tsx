import { describe, expect, it } from '@jest/globals';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { AdminContext, ResourceContextProvider, SimpleForm } from 'react-admin';
import { i18nProvider } from '../i18n';
import { ItemKindsInput } from './CodeChooser';

const form = (kinds: string[], onSubmit: (values: Record<string, unknown>) => void = () => undefined) => (
    <AdminContext i18nProvider={i18nProvider}>
        <ResourceContextProvider value="agenda-items">
            <SimpleForm record={{ id: 'item1', kinds }} onSubmit={onSubmit}>
                <ItemKindsInput
                    source="kinds"
                    label="resources.agenda-items.fields.kinds"
                    helperText="resources.agenda-items.helper.kinds"
                />
            </SimpleForm>
        </ResourceContextProvider>
    </AdminContext>
);

describe("an agenda item's kinds while editing", () => {
    it('shows the stored words by their names, a word of the municipality’s own readable', async () => {
        render(form(['closed_vote', 'confidential', 'budget']));
        const field = await screen.findByRole('combobox', { name: 'Ärendetyper' });
        const chips = within(field.closest('.MuiAutocomplete-root') as HTMLElement);
        expect(chips.getByText('Sluten omröstning')).toBeTruthy();
        expect(chips.getByText('Sekretessärende')).toBeTruthy();
        expect(chips.getByText(/^budget$/i)).toBeTruthy();
        expect(chips.queryByText('closed_vote')).toBeNull();
        expect(chips.queryByText('confidential')).toBeNull();
    });

    it('offers the known kinds by name and saves the stored word', async () => {
        const saved: Record<string, unknown>[] = [];
        render(form([], values => saved.push(values)));
        const field = await screen.findByRole('combobox', { name: 'Ärendetyper' });
        fireEvent.keyDown(field, { key: 'ArrowDown' });
        fireEvent.click(await screen.findByRole('option', { name: 'Personalärende' }));
        expect(screen.getByText('Personalärende')).toBeTruthy();
        fireEvent.click(screen.getByRole('button', { name: 'Spara' }));
        await waitFor(() => expect(saved.at(-1)?.kinds).toEqual(['personnel']));
    });
});
