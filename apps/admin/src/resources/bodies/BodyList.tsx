import {
    CreateButton,
    DataTable,
    EditButton,
    ExportButton,
    List,
    ReferenceField,
    SelectField,
    SelectInput,
    ShowButton,
    TextInput,
    TopToolbar,
} from 'react-admin';
import { bodyKindChoices } from '../../choices';
import { safeExporter } from '../../csvExport';

const filters = [
    <TextInput key="q" source="q" alwaysOn resettable />,
    <SelectInput key="kind" source="kind" choices={bodyKindChoices} alwaysOn />,
];

const Actions = () => (
    <TopToolbar>
        <CreateButton />
        <ExportButton />
    </TopToolbar>
);

export const BodyList = () => (
    <List exporter={safeExporter} filters={filters} sort={{ field: 'name', order: 'ASC' }} actions={<Actions />}>
        <DataTable rowClick="show" bulkActionButtons={false}>
            <DataTable.Col source="name" />
            <DataTable.Col source="kind">
                <SelectField source="kind" choices={bodyKindChoices} />
            </DataTable.Col>
            <DataTable.Col source="parentBodyId" disableSort>
                <ReferenceField source="parentBodyId" reference="bodies" link="show" emptyText="–" />
            </DataTable.Col>
            <DataTable.Col align="right" disableSort label="app.actions">
                <ShowButton />
                <EditButton />
            </DataTable.Col>
        </DataTable>
    </List>
);
