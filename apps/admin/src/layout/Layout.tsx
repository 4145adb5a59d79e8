import type { ReactNode } from 'react';
import { Box, Chip, CircularProgress } from '@mui/material';
import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import {
    AppBar,
    Layout as RaLayout,
    RefreshIconButton,
    useLoading,
    LocalesMenuButton,
    TitlePortal,
    UserMenu,
    useGetIdentity,
    useTranslate,
} from 'react-admin';
import { DocumentTitleSync } from './DocumentTitleSync';
import { AppMenu, RoleRedirect } from './Menu';
import { StatementLink } from './StatementLink';

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

/**
 * The user menu's button shows the signed-in person's name; its accessible name starts with that
 * same text (WCAG 2.5.3), then says what the button opens.
 */
const AppUserMenu = () => {
    const { identity } = useGetIdentity();
    const translate = useTranslate();
    const label = identity?.fullName
        ? translate('app.user_menu_of', { name: identity.fullName })
        : translate('ra.auth.user_menu');
    return <UserMenu label={label} />;
};

/** react-admin's loading indicator, but the spinner says what it is (WCAG 4.1.2: a progress bar needs a name). */
const NamedLoadingIndicator = () => {
    const loading = useLoading();
    const translate = useTranslate();
    return loading ? (
        <Box sx={{ width: 40, display: 'flex', justifyContent: 'center' }}>
            <CircularProgress color="inherit" size={18} thickness={4} aria-label={translate('ra.page.loading')} />
        </Box>
    ) : (
        <RefreshIconButton />
    );
};

const MotesplatsAppBar = () => (
    <AppBar
        userMenu={<AppUserMenu />}
        color="primary"
        toolbar={
            <>
                <TenantBadge />
                <LocalesMenuButton />
                <NamedLoadingIndicator />
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
        <StatementLink />
    </RaLayout>
);
