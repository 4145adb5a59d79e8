import { identityLevelChoices } from '../../choices';
import {
    AutocompleteInput,
    Create,
    DataTable,
    Edit,
    EditButton,
    EmailField,
    List,
    ReferenceField,
    ReferenceInput,
    SelectInput,
    SimpleForm,
    TextInput,
    email,
    useTranslate,
} from 'react-admin';
import { req } from '../../components/validators';
import { safeExporter } from '../../csvExport';
import { MemberTraining } from './MemberTraining';

const filters = [
    <TextInput key="q" source="q" alwaysOn resettable />,
    <ReferenceInput key="partyId" source="partyId" reference="parties" sort={{ field: 'name', order: 'ASC' }} alwaysOn>
        <AutocompleteInput optionText="name" filterToQuery={q => ({ q })} />
    </ReferenceInput>,
    <ReferenceInput key="bodyId" source="bodyId" reference="bodies" sort={{ field: 'name', order: 'ASC' }}>
        <AutocompleteInput optionText="name" filterToQuery={q => ({ q })} />
    </ReferenceInput>,
];

export const MemberList = () => (
    <List exporter={safeExporter} filters={filters} sort={{ field: 'name', order: 'ASC' }}>
        <DataTable rowClick="edit" bulkActionButtons={false}>
            <DataTable.Col source="name" />
            <DataTable.Col source="partyId" disableSort>
                <ReferenceField source="partyId" reference="parties" link={false} emptyText="–" />
            </DataTable.Col>
            <DataTable.Col source="email">
                <EmailField source="email" emptyText="–" />
            </DataTable.Col>
            <DataTable.Col source="phone" />
            <DataTable.Col align="right" disableSort label="app.actions">
                <EditButton />
            </DataTable.Col>
        </DataTable>
    </List>
);

const MemberInputs = () => {
    const translate = useTranslate();
    const contactHelp = translate('resources.members.helper.contact');
    return (
        <>
            <TextInput source="name" validate={req} autoComplete="off" />
            <ReferenceInput source="partyId" reference="parties" sort={{ field: 'name', order: 'ASC' }}>
                <AutocompleteInput optionText="name" filterToQuery={q => ({ q })} />
            </ReferenceInput>
            <TextInput source="email" type="email" validate={email()} helperText={contactHelp} autoComplete="off" />
            <TextInput source="phone" type="tel" helperText="secretary.meeting_form.phone_help" autoComplete="off" />
            <SelectInput
                source="identityLevel"
                choices={identityLevelChoices}
                helperText="resources.members.helper.identityLevel"
            />
        </>
    );
};

export const MemberCreate = () => (
    <Create redirect="list">
        <SimpleForm>
            <MemberInputs />
        </SimpleForm>
    </Create>
);

export const MemberEdit = () => (
    <Edit mutationMode="pessimistic" redirect="list">
        <SimpleForm>
            <MemberInputs />
        </SimpleForm>
        <MemberTraining />
    </Edit>
);
