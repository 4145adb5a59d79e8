import { useLabel } from '../../labels';
import { CodeField } from '../../components/CodeField';
import {
    AutocompleteInput,
    BooleanInput,
    DataTable,
    EditButton,
    FunctionField,
    NumberInput,
    ReferenceField,
    ReferenceInput,
    SelectField,
    SelectInput,
    Show,
    TabbedShowLayout,
    TextArrayInput,
    TextField,
    TextInput,
    TopToolbar,
    minValue,
    useRecordContext,
    useTranslate,
    type RaRecord,
} from 'react-admin';
import { StockholmDateTimeInput } from '../../components/StockholmDateTimeInput';
import { Chip, Stack } from '@mui/material';
import { attendanceModeChoices } from '../../choices';
import { DateTimeText } from '../../components/DateTimeText';
import { InlineReferenceManager } from '../../components/InlineReferenceManager';
import { endAfter, integer, req } from '../../components/validators';
import { BreakoutRoomsPanel } from '../breakout-rooms/BreakoutRoomsPanel';
import { CompliancePanel } from './CompliancePanel';
import { MeetingStatusButtons } from './MeetingStatusButtons';
import { MeetingStatusChip } from './MeetingStatusChip';
import { ReplacesMemberInput } from './ReplacesMemberInput';

const numberValidators = [req, integer, minValue(1)];
const leftAtValidators = [endAfter('joinedAt', 'app.validation.left_before_joined')];

const BooleanText = ({ source }: { source: string; label?: string }) => {
    const translate = useTranslate();
    return (
        <FunctionField
            source={source}
            render={(record: RaRecord) => translate(record[source] ? 'ra.boolean.true' : 'ra.boolean.false')}
        />
    );
};

const KindsField = (_props: { source?: string; label?: string }) => {
    const record = useRecordContext();
    const kinds = (record?.kinds as string[] | undefined) ?? [];
    const label = useLabel();
    if (kinds.length === 0) return null;
    return (
        <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
            {kinds.map(kind => (
                <Chip key={kind} label={label('ItemKind', kind)} size="small" variant="outlined" />
            ))}
        </Stack>
    );
};

const AgendaTab = () => {
    const meeting = useRecordContext();
    const translate = useTranslate();
    if (!meeting) return null;
    return (
        <InlineReferenceManager
            reference="agenda-items"
            target="meetingId"
            parentId={meeting.id}
            sort={{ field: 'number', order: 'ASC' }}
            defaults={() => ({ confidential: false, closedVote: false, kinds: [] })}
            rowName={record => `${translate('resources.agenda-items.fields.number')} ${record.number}`}
            columns={
                <>
                    <DataTable.NumberCol source="number" />
                    <DataTable.Col source="title" />
                    <DataTable.Col source="confidential">
                        <BooleanText source="confidential" />
                    </DataTable.Col>
                    <DataTable.Col source="closedVote">
                        <BooleanText source="closedVote" />
                    </DataTable.Col>
                    <DataTable.Col source="kinds" disableSort>
                        <KindsField />
                    </DataTable.Col>
                </>
            }
            inputs={() => (
                <>
                    <NumberInput source="number" validate={numberValidators} min={1} step={1} />
                    <TextInput source="title" validate={req} multiline />
                    <BooleanInput source="confidential" helperText="resources.agenda-items.helper.confidential" />
                    <BooleanInput source="closedVote" helperText="resources.agenda-items.helper.closedVote" />
                    <TextArrayInput source="kinds" helperText="resources.agenda-items.helper.kinds" />
                </>
            )}
        />
    );
};

const AttendanceTab = () => {
    const meeting = useRecordContext();
    const translate = useTranslate();
    if (!meeting) return null;
    return (
        <InlineReferenceManager
            reference="attendances"
            target="meetingId"
            parentId={meeting.id}
            defaults={() => ({ mode: 'ON_SITE' })}
            transform={data => ({
                ...data,
                joinedAt: data.joinedAt || null,
                leftAt: data.leftAt || null,
                replacesMemberId: data.replacesMemberId || null,
            })}
            rowName={record =>
                `${record.member?.name ?? ''} (${translate(`resources.attendances.mode.${record.mode}`)})`
            }
            columns={
                <>
                    <DataTable.Col source="memberId" disableSort>
                        <ReferenceField source="memberId" reference="members" link="edit" />
                    </DataTable.Col>
                    <DataTable.Col source="mode">
                        <SelectField source="mode" choices={attendanceModeChoices} />
                    </DataTable.Col>
                    <DataTable.Col source="replacesMemberId" disableSort>
                        <ReferenceField source="replacesMemberId" reference="members" link="edit" emptyText="–" />
                    </DataTable.Col>
                    <DataTable.Col source="joinedAt">
                        <DateTimeText source="joinedAt" emptyText="–" />
                    </DataTable.Col>
                    <DataTable.Col source="leftAt">
                        <DateTimeText source="leftAt" emptyText="–" />
                    </DataTable.Col>
                </>
            }
            inputs={mode => (
                <>
                    {/* Only members of the meeting's body are offered; an attendance row
                        keeps its member once created, so the field is locked on edit. */}
                    <ReferenceInput
                        source="memberId"
                        reference="members"
                        filter={{ bodyId: meeting.bodyId }}
                        sort={{ field: 'name', order: 'ASC' }}
                    >
                        <AutocompleteInput
                            optionText="name"
                            validate={req}
                            filterToQuery={q => ({ q })}
                            disabled={mode === 'edit'}
                        />
                    </ReferenceInput>
                    <ReplacesMemberInput bodyId={meeting.bodyId} />
                    <SelectInput source="mode" choices={attendanceModeChoices} validate={req} />
                    <StockholmDateTimeInput source="joinedAt" />
                    <StockholmDateTimeInput source="leftAt" validate={leftAtValidators} />
                    {meeting.body?.kind === 'COMPANY_BOARD' && (
                        <>
                            <BooleanInput source="consentsToRemoteMeeting" />
                            <BooleanInput source="documentsDelivered" />
                        </>
                    )}
                </>
            )}
        />
    );
};

export const MeetingShow = () => {
    const translate = useTranslate();
    return (
        <Show
            actions={
                <TopToolbar>
                    <EditButton label="app.meeting.edit_details" />
                </TopToolbar>
            }
        >
            <TabbedShowLayout>
                <TabbedShowLayout.Tab label={translate('app.meeting.details')}>
                    <TextField source="title" />
                    <ReferenceField source="bodyId" reference="bodies" link="show" />
                    <DateTimeText source="startsAt" />
                    <DateTimeText source="endsAt" />
                    <TextField source="place" />
                    <CodeField source="platformKey" vocabulary="PlatformKey" />
                    <MeetingStatusChip source="status" label="resources.meetings.fields.status" />
                    <MeetingStatusButtons />
                </TabbedShowLayout.Tab>
                <TabbedShowLayout.Tab label={translate('app.meeting.agenda')} path="agenda">
                    <AgendaTab />
                </TabbedShowLayout.Tab>
                <TabbedShowLayout.Tab label={translate('app.meeting.attendance')} path="attendance">
                    <AttendanceTab />
                </TabbedShowLayout.Tab>
                <TabbedShowLayout.Tab label={translate('app.meeting.compliance')} path="compliance">
                    <CompliancePanel />
                </TabbedShowLayout.Tab>
                <TabbedShowLayout.Tab label={translate('app.rooms.tab')} path="rooms">
                    <BreakoutRoomsPanel />
                </TabbedShowLayout.Tab>
            </TabbedShowLayout>
        </Show>
    );
};
