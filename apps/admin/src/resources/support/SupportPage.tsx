import { useState } from 'react';
import { Alert, Box, Card, CardContent, Tab, Tabs, Typography } from '@mui/material';
import { Title, useGetIdentity, useNotify, useTranslate } from 'react-admin';
import { Forecast } from './Forecast';
import { GapList } from './GapList';
import { MyShifts } from './MyShifts';
import { StaffRegister } from './StaffRegister';
import { WeekCalendar } from './WeekCalendar';

export type Run = (action: () => Promise<unknown>, success?: string) => Promise<boolean>;

/**
 * Support scheduling. Administrators and secretaries: the register, the week, the gaps and the
 * forecast. Support staff: their own shifts and availability ("Mina pass"). Coordinators: the
 * region's pool.
 */
export const SupportPage = () => {
    const translate = useTranslate();
    const notify = useNotify();
    const { identity } = useGetIdentity();
    const roles = (identity?.roles as string[] | undefined) ?? [];
    const regionWide = identity !== undefined && !identity?.municipality;
    const canSchedule = roles.includes('tenant-admin') || roles.includes('secretary');
    const [tab, setTab] = useState(0);
    const [error, setError] = useState<string | null>(null);
    const [version, setVersion] = useState(0);

    const run: Run = async (action, success) => {
        setError(null);
        try {
            await action();
            if (success) notify(success, { type: 'success' });
            setVersion(v => v + 1);
            return true;
        } catch (e) {
            setError((e as Error).message);
            return false;
        }
    };

    const tabs = regionWide
        ? [
              {
                  label: 'app.support.tabs.pool',
                  body: (
                      <StaffRegister canWrite={roles.includes('coordinator')} run={run} version={version} regionWide />
                  ),
              },
          ]
        : [
              ...(roles.includes('support')
                  ? [{ label: 'app.support.tabs.mine', body: <MyShifts run={run} version={version} /> }]
                  : []),
              { label: 'app.support.tabs.week', body: <WeekCalendar version={version} /> },
              {
                  label: 'app.support.tabs.gaps',
                  body: <GapList canSchedule={canSchedule} run={run} version={version} />,
              },
              { label: 'app.support.tabs.forecast', body: <Forecast version={version} /> },
              {
                  label: 'app.support.tabs.staff',
                  body: <StaffRegister canWrite={canSchedule} run={run} version={version} regionWide={false} />,
              },
          ];
    const current = Math.min(tab, tabs.length - 1);
    return (
        <Box sx={{ mt: 2, display: 'grid', gap: 2 }}>
            <Title title={translate('app.support.title')} />
            <Typography component="h1" variant="h5">
                {translate('app.support.title')}
            </Typography>
            <Typography variant="body2">{translate('app.support.intro')}</Typography>
            {error && (
                <Alert severity="error" role="alert" onClose={() => setError(null)}>
                    {error}
                </Alert>
            )}
            <Card>
                <Tabs
                    value={current}
                    onChange={(_e, v: number) => setTab(v)}
                    aria-label={translate('app.support.title')}
                    variant="scrollable"
                >
                    {tabs.map((t, i) => (
                        <Tab
                            key={t.label}
                            label={translate(t.label)}
                            id={`support-tab-${i}`}
                            aria-controls={`support-panel-${i}`}
                        />
                    ))}
                </Tabs>
                <CardContent role="tabpanel" id={`support-panel-${current}`} aria-labelledby={`support-tab-${current}`}>
                    {tabs[current]!.body}
                </CardContent>
            </Card>
        </Box>
    );
};
