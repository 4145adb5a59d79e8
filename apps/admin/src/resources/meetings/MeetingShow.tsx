import { useLabel } from '../../labels';
import { CodeField } from '../../components/CodeField';
import { ItemKindsInput } from '../../components/CodeChooser';
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
    TextField,
    TextInput,
    TopToolbar,
    minValue,
    useDataProvider,
    useGetManyReference,
    useListContext,
    useNotify,
    useRecordContext,
    useRefresh,
    useTranslate,
    type RaRecord,
} from 'react-admin';
import { StockholmDateTimeInput } from '../../components/StockholmDateTimeInput';
import { Alert, Chip, IconButton, List, Stack } from '@mui/material';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import { useEffect, useRef, useState } from 'react';
import { graphql } from '../../gql';
import { graphqlRequest } from '../../graphql';
import { AdviceItem } from './AdviceItem';
import { groupFindings, phaseOf, type AdviceInput, type AdviceLine } from './complianceAdvice';
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

/** Moves an agenda item up or down by swapping numbers with its neighbour. */
const MoveButtons = (_props: { label?: string }) => {
    const record = useRecordContext();
    const { data = [] } = useListContext();
    const dataProvider = useDataProvider();
    const refresh = useRefresh();
    const notify = useNotify();
    const translate = useTranslate();
    const [busy, setBusy] = useState(false);
    if (!record) return null;
    const index = data.findIndex(r => r.id === record.id);
    const swap = async (other: RaRecord | undefined) => {
        if (!other) return;
        setBusy(true);
        try {
            await dataProvider.update('agenda-items', {
                id: record.id,
                data: { ...record, number: other.number },
                previousData: record,
            });
            await dataProvider.update('agenda-items', {
                id: other.id,
                data: { ...other, number: record.number },
                previousData: other,
            });
            refresh();
        } catch (e) {
            notify((e as Error).message, { type: 'error' });
        } finally {
            setBusy(false);
        }
    };
    return (
        <Stack direction="row">
            <IconButton
                size="small"
                disabled={busy || index <= 0}
                aria-label={translate('secretary.meeting_form.move_up', { number: record.number })}
                onClick={() => swap(data[index - 1])}
            >
                <ArrowUpwardIcon fontSize="small" />
            </IconButton>
            <IconButton
                size="small"
                disabled={busy || index < 0 || index >= data.length - 1}
                aria-label={translate('secretary.meeting_form.move_down', { number: record.number })}
                onClick={() => swap(data[index + 1])}
            >
                <ArrowDownwardIcon fontSize="small" />
            </IconButton>
        </Stack>
    );
};

const AgendaTab = () => {
    const meeting = useRecordContext();
    const translate = useTranslate();
    // The next number: after the last item, so items are numbered in the order they are added.
    const { data: last } = useGetManyReference(
        'agenda-items',
        {
            target: 'meetingId',
            id: meeting?.id,
            pagination: { page: 1, perPage: 1 },
            sort: { field: 'number', order: 'DESC' },
        },
        { enabled: !!meeting },
    );
    if (!meeting) return null;
    const nextNumber = Number(last?.[0]?.number ?? 0) + 1;
    return (
        <InlineReferenceManager
            reference="agenda-items"
            target="meetingId"
            parentId={meeting.id}
            sort={{ field: 'number', order: 'ASC' }}
            defaults={() => ({ number: nextNumber, confidential: false, closedVote: false, kinds: [] })}
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
                    <DataTable.Col label="secretary.meeting_form.order" disableSort>
                        <MoveButtons />
                    </DataTable.Col>
                </>
            }
            inputs={() => (
                <>
                    <NumberInput
                        source="number"
                        validate={numberValidators}
                        min={1}
                        step={1}
                        helperText="secretary.meeting_form.numbered"
                    />
                    <TextInput source="title" validate={req} multiline />
                    <BooleanInput source="confidential" helperText="resources.agenda-items.helper.confidential" />
                    <BooleanInput source="closedVote" helperText="resources.agenda-items.helper.closedVote" />
                    <ItemKindsInput
                        source="kinds"
                        label="resources.agenda-items.fields.kinds"
                        helperText="resources.agenda-items.helper.kinds"
                    />
                </>
            )}
        />
    );
};

const BlockersDocument = graphql(`
    query AttendanceBlockers($m: ID!) {
        evaluateMeeting(meetingId: $m) {
            ...MeetingAdviceFields
        }
    }
`);

const blockersOf = async (meetingId: string): Promise<AdviceLine[]> => {
    const r = await graphqlRequest(BlockersDocument, { m: meetingId });
    return groupFindings({ meetingId, ...(r.evaluateMeeting satisfies Omit<AdviceInput, 'meetingId'>) }).filter(
        l => l.severity === 'blocker',
    );
};

/**
 * Once the meeting is convened, the notice has gone out on the rules' terms: a change of
 * attendance that breaks them is named at once, with what to do about it.
 */
const useAttendanceGuard = (meetingId: string | undefined, status: string | undefined) => {
    const convened = phaseOf(String(status ?? 'PLANNED')) === 'convened';
    const before = useRef<Set<string> | null>(null);
    const [broken, setBroken] = useState<AdviceLine[]>([]);
    useEffect(() => {
        if (!meetingId || !convened) return;
        blockersOf(meetingId).then(
            lines => (before.current = new Set(lines.map(l => `${l.key}|${l.members.map(m => m.id).join(',')}`))),
            () => undefined,
        );
    }, [meetingId, convened]);
    const check = () => {
        if (!meetingId || !convened) return;
        blockersOf(meetingId).then(
            lines => {
                const known = before.current ?? new Set();
                setBroken(lines.filter(l => !known.has(`${l.key}|${l.members.map(m => m.id).join(',')}`)));
                before.current = new Set(lines.map(l => `${l.key}|${l.members.map(m => m.id).join(',')}`));
            },
            () => undefined,
        );
    };
    return { broken, check, dismiss: () => setBroken([]) };
};

const AttendanceTab = () => {
    const meeting = useRecordContext();
    const translate = useTranslate();
    const guard = useAttendanceGuard(meeting?.id === undefined ? undefined : String(meeting.id), meeting?.status);
    if (!meeting) return null;
    return (
        <InlineReferenceManager
            reference="attendances"
            target="meetingId"
            parentId={meeting.id}
            onSaved={guard.check}
            notice={
                guard.broken.length > 0 && (
                    <Alert severity="warning" role="alert" onClose={guard.dismiss} data-testid="attendance-breaks-rule">
                        {translate('secretary.attendance.breaks_rule')}
                        <List dense>
                            {guard.broken.map(line => (
                                <AdviceItem key={line.key} line={line} />
                            ))}
                        </List>
                    </Alert>
                )
            }
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
