import { useId, useState, type ReactNode } from 'react';
import {
    Box,
    Button as MuiButton,
    Dialog,
    DialogContent,
    DialogTitle,
    IconButton,
    Tooltip,
    Typography,
} from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import EditIcon from '@mui/icons-material/Edit';
import {
    CreateBase,
    DataTable,
    DeleteWithConfirmButton,
    EditBase,
    Pagination,
    ReferenceManyField,
    ResourceContextProvider,
    SaveButton,
    SimpleForm,
    Toolbar,
    useGetResourceLabel,
    useNotify,
    useRecordContext,
    useRefresh,
    useTranslate,
    type Identifier,
    type RaRecord,
    type SortPayload,
} from 'react-admin';

export interface InlineReferenceManagerProps {
    /** The child resource, e.g. "agenda-items". */
    reference: string;
    /** The child's foreign key to the parent, e.g. "meetingId". */
    target: string;
    parentId: Identifier;
    sort?: SortPayload;
    /** DataTable columns. */
    columns: ReactNode;
    /** Inputs of the create/edit form. The foreign key is set automatically. */
    inputs: (mode: 'create' | 'edit') => ReactNode;
    /** Values a new child starts with, besides the foreign key. */
    defaults?: () => Record<string, unknown>;
    /** How a row is named in the "Edit …"/"Delete …" button labels. */
    rowName: (record: RaRecord) => string;
    /** Turns form values into what the API expects (e.g. empty → null). */
    transform?: (data: Record<string, unknown>) => Record<string, unknown>;
    /** After a row is created or changed (e.g. to check the parent against its rules again). */
    onSaved?: () => void;
    /** Shown above the table (e.g. what the last change broke). */
    notice?: ReactNode;
}

type DialogState = { mode: 'create' } | { mode: 'edit'; id: Identifier } | null;

/**
 * Child records edited in place on the parent's page (agenda items and attendance of a
 * meeting, memberships of a body): a table, an add button, and a dialog form per row.
 * A dialog rather than an inline form, because these live on Show pages and each save
 * must be its own API mutation with its own validation errors.
 */
export const InlineReferenceManager = (props: InlineReferenceManagerProps) => {
    const { reference, target, parentId, sort, columns, inputs, defaults, rowName, transform, onSaved, notice } = props;
    const [dialog, setDialog] = useState<DialogState>(null);
    const translate = useTranslate();
    const getResourceLabel = useGetResourceLabel();
    const notify = useNotify();
    const refresh = useRefresh();
    const titleId = useId();
    const singular = getResourceLabel(reference, 1).toLowerCase();

    const close = () => setDialog(null);
    const saved = (message: string) => () => {
        notify(message, { type: 'info', messageArgs: { smart_count: 1 } });
        close();
        refresh();
        onSaved?.();
    };

    return (
        <Box>
            <Box sx={{ display: 'flex', justifyContent: 'flex-end', mb: 1 }}>
                <MuiButton variant="contained" startIcon={<AddIcon />} onClick={() => setDialog({ mode: 'create' })}>
                    {translate('app.inline.dialog_create', { name: singular })}
                </MuiButton>
            </Box>
            {notice}
            <ReferenceManyField
                reference={reference}
                target={target}
                sort={sort}
                perPage={100}
                pagination={<Pagination rowsPerPageOptions={[25, 100]} />}
                empty={<Typography sx={{ py: 2 }}>{translate('app.inline.empty')}</Typography>}
            >
                <DataTable rowClick={false} bulkActionButtons={false}>
                    {columns}
                    <DataTable.Col label="app.actions" align="right" disableSort>
                        <RowActions
                            reference={reference}
                            rowName={rowName}
                            onEdit={id => setDialog({ mode: 'edit', id })}
                        />
                    </DataTable.Col>
                </DataTable>
            </ReferenceManyField>

            <Dialog open={dialog !== null} onClose={close} fullWidth maxWidth="sm" aria-labelledby={titleId}>
                <DialogTitle id={titleId}>
                    {translate(dialog?.mode === 'edit' ? 'app.inline.dialog_edit' : 'app.inline.dialog_create', {
                        name: singular,
                    })}
                </DialogTitle>
                <DialogContent>
                    <ResourceContextProvider value={reference}>
                        {dialog?.mode === 'create' && (
                            <CreateBase
                                resource={reference}
                                record={{ ...(defaults?.() ?? {}), [target]: parentId }}
                                redirect={false}
                                transform={transform}
                                mutationOptions={{ onSuccess: saved('ra.notification.created') }}
                            >
                                <SimpleForm toolbar={<DialogToolbar onCancel={close} />} sx={{ p: 0 }}>
                                    {inputs('create')}
                                </SimpleForm>
                            </CreateBase>
                        )}
                        {dialog?.mode === 'edit' && (
                            <EditBase
                                resource={reference}
                                id={dialog.id}
                                redirect={false}
                                mutationMode="pessimistic"
                                transform={transform}
                                mutationOptions={{ onSuccess: saved('ra.notification.updated') }}
                            >
                                <SimpleForm toolbar={<DialogToolbar onCancel={close} />} sx={{ p: 0 }}>
                                    {inputs('edit')}
                                </SimpleForm>
                            </EditBase>
                        )}
                    </ResourceContextProvider>
                </DialogContent>
            </Dialog>
        </Box>
    );
};

const DialogToolbar = ({ onCancel }: { onCancel: () => void }) => {
    const translate = useTranslate();
    return (
        <Toolbar sx={{ gap: 1, justifyContent: 'flex-end', bgcolor: 'transparent', px: 0 }}>
            <MuiButton onClick={onCancel}>{translate('ra.action.cancel')}</MuiButton>
            <SaveButton alwaysEnable={false} />
        </Toolbar>
    );
};

const RowActions = ({
    reference,
    rowName,
    onEdit,
}: {
    reference: string;
    rowName: (record: RaRecord) => string;
    onEdit: (id: Identifier) => void;
}) => {
    const record = useRecordContext();
    const translate = useTranslate();
    if (!record) return null;
    const name = rowName(record);
    const editLabel = translate('app.inline.edit_row', { name });
    return (
        <Box sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, whiteSpace: 'nowrap' }}>
            <Tooltip title={editLabel}>
                <IconButton aria-label={editLabel} onClick={() => onEdit(record.id)} size="small" color="primary">
                    <EditIcon fontSize="small" />
                </IconButton>
            </Tooltip>
            <DeleteWithConfirmButton
                resource={reference}
                record={record}
                redirect={false}
                mutationMode="pessimistic"
                aria-label={translate('app.inline.delete_row', { name })}
                confirmTitle={translate('app.inline.delete_row', { name })}
                confirmContent="ra.message.are_you_sure"
            />
        </Box>
    );
};
