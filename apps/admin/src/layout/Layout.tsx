import type { ReactNode } from 'react';
import { Box, Chip } from '@mui/material';
import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import {
    AppBar,
    Layout as RaLayout,
    LoadingIndicator,
    LocalesMenuButton,
    TitlePortal,
    useGetIdentity,
    useTranslate,
} from 'react-admin';
import { DocumentTitleSync } from './DocumentTitleSync';
import { AppMenu, RoleRedirect } from './Menu';

/** Which municipality the signed-in user administers; coordinators see their region. */
const TenantBadge = () => {
    const { identity } = useGetIdentity();
    const translate = useTranslate();
    const municipality = identity?.municipality as { name: string } | null | undefined;
    const region = identity?.region as { name: string } | null | undefined;
    const scope = municipality
        ? { label: translate('app.municipality'), name: municipality.name }
        : region
          ? { label: translate('app.region'), name: region.name }
          : null;
    if (!scope) return null;
    return (
        <Chip
            icon={<AccountBalanceIcon aria-hidden="true" />}
            label={
                <>
                    <Box
                        component="span"
                        sx={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}
                    >
                        {scope.label}:{' '}
                    </Box>
                    {scope.name}
                </>
            }
            data-testid="tenant-badge"
            sx={{
                mx: 1,
                bgcolor: 'common.white',
                color: 'primary.dark',
                fontWeight: 600,
                '& .MuiChip-icon': { color: 'primary.dark' },
            }}
        />
    );
};

const MotesplatsAppBar = () => (
    <AppBar
        color="primary"
        toolbar={
            <>
                <TenantBadge />
                <LocalesMenuButton />
                <LoadingIndicator />
            </>
        }
    >
        <TitlePortal />
    </AppBar>
);

export const Layout = ({ children }: { children: ReactNode }) => (
    <RaLayout appBar={MotesplatsAppBar} menu={AppMenu}>
        <DocumentTitleSync />
        <RoleRedirect />
        {children}
    </RaLayout>
);
