import {
    AutocompleteInput,
    Create,
    DataTable,
    Edit,
    EditButton,
    List,
    NumberInput,
    ReferenceField,
    ReferenceInput,
    SimpleForm,
    TextInput,
    minValue,
} from 'react-admin';
import { integer, req } from '../../components/validators';
import { safeExporter } from '../../csvExport';

const filters = [
    <TextInput key="q" source="q" alwaysOn resettable />,
    <ReferenceInput key="partyId" source="partyId" reference="parties" sort={{ field: 'name', order: 'ASC' }} alwaysOn>
        <AutocompleteInput optionText="name" filterToQuery={q => ({ q })} />
    </ReferenceInput>,
];

export const PartyGroupList = () => (
    <List exporter={safeExporter} filters={filters} sort={{ field: 'name', order: 'ASC' }}>
        <DataTable rowClick="edit" bulkActionButtons={false}>
            <DataTable.Col source="name" />
            <DataTable.Col source="partyId" disableSort>
                <ReferenceField source="partyId" reference="parties" link="edit" />
            </DataTable.Col>
            <DataTable.NumberCol source="councilSeats" />
            <DataTable.Col align="right" disableSort label="app.actions">
                <EditButton />
            </DataTable.Col>
        </DataTable>
    </List>
);

const seats = [req, integer, minValue(0)];

const PartyGroupInputs = () => (
    <>
        <TextInput source="name" validate={req} />
        <ReferenceInput source="partyId" reference="parties" sort={{ field: 'name', order: 'ASC' }}>
            <AutocompleteInput optionText="name" validate={req} filterToQuery={q => ({ q })} />
        </ReferenceInput>
        <NumberInput source="councilSeats" validate={seats} min={0} step={1} />
    </>
);

export const PartyGroupCreate = () => (
    <Create redirect="list" record={{ councilSeats: 0 }}>
        <SimpleForm>
            <PartyGroupInputs />
        </SimpleForm>
    </Create>
);

export const PartyGroupEdit = () => (
    <Edit mutationMode="pessimistic" redirect="list">
        <SimpleForm>
            <PartyGroupInputs />
        </SimpleForm>
    </Edit>
);
