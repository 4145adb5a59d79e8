import { Create, DataTable, Edit, EditButton, List, SimpleForm, TextInput } from 'react-admin';
import { req } from '../../components/validators';
import { safeExporter } from '../../csvExport';

const filters = [<TextInput key="q" source="q" alwaysOn resettable />];

export const PartyList = () => (
    <List exporter={safeExporter} filters={filters} sort={{ field: 'name', order: 'ASC' }}>
        <DataTable rowClick="edit" bulkActionButtons={false}>
            <DataTable.Col source="name" />
            <DataTable.Col source="abbreviation" />
            <DataTable.Col align="right" disableSort label="app.actions">
                <EditButton />
            </DataTable.Col>
        </DataTable>
    </List>
);

const PartyInputs = () => (
    <>
        <TextInput source="name" validate={req} />
        <TextInput source="abbreviation" validate={req} />
    </>
);

export const PartyCreate = () => (
    <Create redirect="list">
        <SimpleForm>
            <PartyInputs />
        </SimpleForm>
    </Create>
);

export const PartyEdit = () => (
    <Edit mutationMode="pessimistic" redirect="list">
        <SimpleForm>
            <PartyInputs />
        </SimpleForm>
    </Edit>
);
