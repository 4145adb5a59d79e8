import {
    AutocompleteInput,
    DataTable,
    EditButton,
    ReferenceField,
    ReferenceInput,
    SelectField,
    SelectInput,
    Show,
    TabbedShowLayout,
    TextField,
    TopToolbar,
    useRecordContext,
    useTranslate,
} from 'react-admin';
import { bodyKindChoices, membershipRoleChoices } from '../../choices';
import { InlineReferenceManager } from '../../components/InlineReferenceManager';
import { req } from '../../components/validators';
import { ParentCommitteeHint, SubCommitteeDecisions } from './SubCommitteeDecisions';

const Memberships = () => {
    const body = useRecordContext();
    const translate = useTranslate();
    if (!body) return null;
    return (
        <InlineReferenceManager
            reference="body-memberships"
            target="bodyId"
            parentId={body.id}
            sort={{ field: 'role', order: 'ASC' }}
            defaults={() => ({ role: 'MEMBER' })}
            rowName={record =>
                `${record.member?.name ?? ''} (${translate(`resources.body-memberships.role.${record.role}`)})`
            }
            columns={
                <>
                    <DataTable.Col source="memberId" disableSort>
                        <ReferenceField source="memberId" reference="members" link="edit" />
                    </DataTable.Col>
                    <DataTable.Col source="role">
                        <SelectField source="role" choices={membershipRoleChoices} />
                    </DataTable.Col>
                </>
            }
            inputs={mode => (
                <>
                    {/* A membership keeps its member; changing the person means a new row. */}
                    <ReferenceInput source="memberId" reference="members" sort={{ field: 'name', order: 'ASC' }}>
                        <AutocompleteInput
                            optionText="name"
                            validate={req}
                            filterToQuery={q => ({ q })}
                            disabled={mode === 'edit'}
                        />
                    </ReferenceInput>
                    <SelectInput
                        source="role"
                        choices={membershipRoleChoices}
                        validate={req}
                        helperText="app.body.presidium_help"
                    />
                </>
            )}
        />
    );
};

/** Inside Show, so the tabs can depend on the body's kind: only a sub-committee has its parent's decisions. */
const BodyTabs = () => {
    const body = useRecordContext();
    const translate = useTranslate();
    return (
        <TabbedShowLayout>
            <TabbedShowLayout.Tab label={translate('app.body.details')}>
                <TextField source="name" />
                <SelectField source="kind" choices={bodyKindChoices} />
                <ReferenceField source="parentBodyId" reference="bodies" link="show" emptyText="–" />
                {body?.kind !== 'SUB_COMMITTEE' && <ParentCommitteeHint label={false} />}
            </TabbedShowLayout.Tab>
            <TabbedShowLayout.Tab label={translate('app.body.memberships')} path="memberships">
                <Memberships />
            </TabbedShowLayout.Tab>
            {body?.kind === 'SUB_COMMITTEE' && (
                <TabbedShowLayout.Tab label={translate('app.body.decisions_tab')} path="remote">
                    <SubCommitteeDecisions label={false} />
                </TabbedShowLayout.Tab>
            )}
        </TabbedShowLayout>
    );
};

export const BodyShow = () => (
    <Show
        actions={
            <TopToolbar>
                <EditButton />
            </TopToolbar>
        }
    >
        <BodyTabs />
    </Show>
);
