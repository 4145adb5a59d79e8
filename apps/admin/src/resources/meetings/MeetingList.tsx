import {
    AutocompleteInput,
    CreateButton,
    DataTable,
    DateInput,
    ExportButton,
    FilterButton,
    List,
    ReferenceField,
    ReferenceInput,
    SelectInput,
    ShowButton,
    TextInput,
    TopToolbar,
} from 'react-admin';
import { meetingStatusChoices } from '../../choices';
import { DateTimeText } from '../../components/DateTimeText';
import { MeetingStatusChip } from './MeetingStatusChip';
import { safeExporter } from '../../csvExport';

const filters = [
    <TextInput key="q" source="q" alwaysOn resettable />,
    <ReferenceInput key="bodyId" source="bodyId" reference="bodies" sort={{ field: 'name', order: 'ASC' }} alwaysOn>
        <AutocompleteInput optionText="name" filterToQuery={q => ({ q })} />
    </ReferenceInput>,
    <SelectInput key="status" source="status" choices={meetingStatusChoices} alwaysOn />,
    <DateInput key="startsAfter" source="startsAfter" />,
    <DateInput key="startsBefore" source="startsBefore" />,
];

const Actions = () => (
    <TopToolbar>
        <FilterButton />
        <CreateButton />
        <ExportButton />
    </TopToolbar>
);

export const MeetingList = () => (
    <List exporter={safeExporter} filters={filters} sort={{ field: 'startsAt', order: 'ASC' }} actions={<Actions />}>
        <DataTable rowClick="show" bulkActionButtons={false}>
            <DataTable.Col source="title" />
            <DataTable.Col source="bodyId" disableSort>
                <ReferenceField source="bodyId" reference="bodies" link={false} />
            </DataTable.Col>
            <DataTable.Col source="startsAt">
                <DateTimeText source="startsAt" />
            </DataTable.Col>
            <DataTable.Col source="endsAt">
                <DateTimeText source="endsAt" />
            </DataTable.Col>
            <DataTable.Col source="place" />
            <DataTable.Col source="status">
                <MeetingStatusChip />
            </DataTable.Col>
            <DataTable.Col align="right" disableSort label="app.actions">
                <ShowButton />
            </DataTable.Col>
        </DataTable>
    </List>
);
