import { useState } from 'react';
import {
    Alert,
    Box,
    Button,
    Table,
    TableBody,
    TableCell,
    TableHead,
    TableRow,
    TextField,
    Typography,
} from '@mui/material';
import { useTranslate } from 'react-admin';
import { downloadExport, importCsv, type ImportReport } from './api';

/** CSV import with a dry run first: the import button opens only for a checked file without errors. */
/** The file's column names: codes the file must use, so they appear as they are. */
const CSV_HEADER = 'member_id;member_name;member_email;module_key;completed_on';

export const CsvImport = ({
    canWrite,
    run,
}: {
    canWrite: boolean;
    run: (action: () => Promise<unknown>, success: string) => Promise<void>;
}) => {
    const translate = useTranslate();
    const [csv, setCsv] = useState('');
    const [report, setReport] = useState<ImportReport | null>(null);
    const [checked, setChecked] = useState<string | null>(null);

    const check = () =>
        run(async () => {
            setReport(await importCsv(csv, true));
            setChecked(csv);
        }, '');
    const commit = () =>
        run(async () => {
            setReport(await importCsv(csv, false));
            setChecked(null);
        }, '');
    const readyToImport =
        canWrite && checked === csv && report !== null && report.errors.length === 0 && report.toImport > 0;

    return (
        <Box sx={{ display: 'grid', gap: 2 }}>
            <Box>
                <Button variant="outlined" onClick={() => run(downloadExport, '')}>
                    {translate('app.training.export')}
                </Button>
            </Box>
            {canWrite && (
                <>
                    <Typography variant="body2">
                        {translate('app.training.import_help', { columns: '\u0000' })
                            .split('\u0000')
                            .flatMap((part, i) => (i ? [<code key={i}>{CSV_HEADER}</code>, part] : [part]))}
                    </Typography>
                    <Button variant="outlined" component="label" sx={{ justifySelf: 'start' }}>
                        {translate('app.training.file')}
                        <input
                            hidden
                            type="file"
                            accept=".csv,text/csv"
                            onChange={async e => {
                                const file = e.target.files?.[0];
                                if (file) setCsv(await file.text());
                            }}
                        />
                    </Button>
                    <TextField
                        label={translate('app.training.csv')}
                        value={csv}
                        onChange={e => setCsv(e.target.value)}
                        multiline
                        minRows={6}
                        slotProps={{ htmlInput: { spellCheck: false } }}
                    />
                    <Box sx={{ display: 'flex', gap: 1 }}>
                        <Button variant="contained" disabled={!csv.trim()} onClick={check}>
                            {translate('app.training.check')}
                        </Button>
                        <Button variant="contained" color="success" disabled={!readyToImport} onClick={commit}>
                            {translate('app.training.do_import')}
                        </Button>
                    </Box>
                </>
            )}
            {report && (
                <Alert severity={report.errors.length ? 'error' : 'success'} role="status">
                    {report.dryRun
                        ? translate('app.training.report', { ...report })
                        : translate('app.training.imported', { imported: report.imported })}
                </Alert>
            )}
            {report && report.errors.length > 0 && (
                <>
                    <Typography component="h3" variant="h6">
                        {translate('app.training.errors_heading')}
                    </Typography>
                    <Table size="small" aria-label={translate('app.training.errors_heading')}>
                        <TableHead>
                            <TableRow>
                                <TableCell>{translate('app.training.line')}</TableCell>
                                <TableCell>{translate('app.training.reason')}</TableCell>
                            </TableRow>
                        </TableHead>
                        <TableBody>
                            {report.errors.map(e => (
                                <TableRow key={`${e.line}-${e.reason}`}>
                                    <TableCell>{e.line}</TableCell>
                                    <TableCell>{e.reason}</TableCell>
                                </TableRow>
                            ))}
                        </TableBody>
                    </Table>
                </>
            )}
        </Box>
    );
};
