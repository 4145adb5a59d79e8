import { useCallback, useEffect, useState } from 'react';
import { Alert, Box, Card, CardContent, Tab, Tabs, Typography } from '@mui/material';
import { Title, useGetIdentity, useNotify, useTranslate } from 'react-admin';
import { fetchModules, type TrainingModule } from './api';
import { CoverageTables, RegionalCoverage } from './CoverageTables';
import { CsvImport } from './CsvImport';
import { MemberRecord } from './MemberRecord';
import { ModuleLibrary } from './ModuleLibrary';
import { PracticeSessions } from './PracticeSessions';

/**
 * Training for remote participation. Municipal staff: the module library, a member's record,
 * coverage and CSV import/export. Regional coordinators: the regional library and the
 * municipalities' coverage as counts.
 */
export const TrainingPage = () => {
    const translate = useTranslate();
    const notify = useNotify();
    const { identity } = useGetIdentity();
    const roles = (identity?.roles as string[] | undefined) ?? [];
    const regionWide = identity !== undefined && !identity?.municipality;
    const canWrite = regionWide
        ? roles.includes('coordinator')
        : roles.includes('tenant-admin') || roles.includes('secretary');
    const [modules, setModules] = useState<TrainingModule[]>([]);
    const [tab, setTab] = useState(0);
    const [error, setError] = useState<string | null>(null);

    const load = useCallback(() => fetchModules().then(setModules), []);
    useEffect(() => {
        load().catch(e => setError((e as Error).message));
    }, [load]);
    const run = async (action: () => Promise<unknown>, success: string) => {
        setError(null);
        try {
            await action();
            if (success) notify(success, { type: 'success' });
            await load();
        } catch (e) {
            setError((e as Error).message);
        }
    };

    const tabs = regionWide
        ? [
              {
                  label: 'app.training.tabs.library',
                  body: <ModuleLibrary modules={modules} regionWide canWrite={canWrite} run={run} />,
              },
              { label: 'app.training.tabs.regional', body: <RegionalCoverage modules={modules} /> },
          ]
        : [
              {
                  label: 'app.training.tabs.library',
                  body: <ModuleLibrary modules={modules} regionWide={false} canWrite={canWrite} run={run} />,
              },
              {
                  label: 'app.training.tabs.record',
                  body: <MemberRecord modules={modules} canWrite={canWrite} run={run} />,
              },
              { label: 'app.training.tabs.coverage', body: <CoverageTables modules={modules} /> },
              { label: 'app.training.tabs.practice', body: <PracticeSessions canWrite={canWrite} /> },
              { label: 'app.training.tabs.import', body: <CsvImport canWrite={canWrite} run={run} /> },
          ];
    return (
        <Box sx={{ mt: 2, display: 'grid', gap: 2 }}>
            <Title title={translate('app.training.title')} />
            <Typography component="h1" variant="h5">
                {translate('app.training.title')}
            </Typography>
            <Typography variant="body2">{translate('app.training.intro')}</Typography>
            {error && (
                <Alert severity="error" role="alert">
                    {error}
                </Alert>
            )}
            <Card>
                <Tabs
                    value={Math.min(tab, tabs.length - 1)}
                    onChange={(_e, v: number) => setTab(v)}
                    aria-label={translate('app.training.title')}
                    variant="scrollable"
                >
                    {tabs.map((t, i) => (
                        <Tab
                            key={t.label}
                            label={translate(t.label)}
                            id={`training-tab-${i}`}
                            aria-controls={`training-panel-${i}`}
                        />
                    ))}
                </Tabs>
                <CardContent role="tabpanel" id={`training-panel-${tab}`} aria-labelledby={`training-tab-${tab}`}>
                    {tabs[Math.min(tab, tabs.length - 1)]!.body}
                </CardContent>
            </Card>
        </Box>
    );
};
