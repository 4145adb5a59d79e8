import { useEffect, useMemo, useState } from 'react';
import {
    Alert,
    Box,
    Button,
    Card,
    CardContent,
    CircularProgress,
    List,
    ListItem,
    TextField,
    Typography,
} from '@mui/material';
import { visuallyHidden } from '@mui/utils';
import { LocalesMenuButton, useLogin, useNotify, useTranslate } from 'react-admin';
import { getAuthConfig, getDevUsers, type AuthConfig, type DevUser } from './config';
import { useDocumentTitle } from '../layout/useDocumentTitle';
import { StatementLink } from '../layout/StatementLink';

type State = { status: 'loading' } | { status: 'error' } | { status: 'ready'; config: AuthConfig; users: DevUser[] };

/**
 * Dev mode lists the seeded demo users, one button each; the button's accessible name
 * carries both the person's name and the username so tests and screen readers can find it.
 * Keycloak mode offers one button that hands over to Keycloak.
 */
export const LoginPage = () => {
    const translate = useTranslate();
    const login = useLogin();
    const notify = useNotify();
    const [state, setState] = useState<State>({ status: 'loading' });
    const [busy, setBusy] = useState<string | null>(null);
    const [query, setQuery] = useState('');

    useDocumentTitle(translate('ra.auth.sign_in'));

    useEffect(() => {
        let cancelled = false;
        (async () => {
            try {
                const config = await getAuthConfig();
                const users = config.mode === 'dev' ? await getDevUsers() : [];
                if (!cancelled) setState({ status: 'ready', config, users });
            } catch {
                if (!cancelled) setState({ status: 'error' });
            }
        })();
        return () => {
            cancelled = true;
        };
    }, []);

    const signIn = (username?: string) => {
        setBusy(username ?? 'keycloak');
        login({ username }).catch((error: Error) => {
            setBusy(null);
            notify(error?.message || 'ra.auth.sign_in_error', { type: 'error' });
        });
    };

    const users = state.status === 'ready' ? state.users : [];
    const filtered = useMemo(() => {
        const q = query.trim().toLowerCase();
        if (!q) return users;
        return users.filter(u =>
            [u.name, u.username, u.municipality ?? '', ...u.roles].some(v => v.toLowerCase().includes(q)),
        );
    }, [users, query]);

    const roleLabel = (role: string) => translate(`app.roles.${role}`, { _: role });

    return (
        <Box
            component="main"
            sx={{
                minHeight: '100vh',
                display: 'flex',
                flexDirection: 'column',
                alignItems: 'center',
                bgcolor: 'background.default',
                py: 6,
                px: 2,
            }}
        >
            <Card sx={{ width: '100%', maxWidth: 640 }}>
                <CardContent>
                    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
                        <Typography component="h1" variant="h5" sx={{ flex: 1 }}>
                            {translate('app.login.title')}
                        </Typography>
                        <LocalesMenuButton />
                    </Box>
                    <Typography variant="body1" sx={{ mt: 1, mb: 2 }}>
                        {translate('app.login.intro')}
                    </Typography>

                    {state.status === 'loading' && (
                        <Box sx={{ display: 'flex', justifyContent: 'center', py: 4 }}>
                            <CircularProgress aria-label={translate('ra.page.loading')} />
                        </Box>
                    )}

                    {state.status === 'error' && <Alert severity="error">{translate('app.login.config_error')}</Alert>}

                    {state.status === 'ready' && state.config.mode === 'keycloak' && (
                        <Box>
                            <Typography variant="body2" sx={{ mb: 2 }}>
                                {translate('app.login.keycloak_help')}
                            </Typography>
                            <Button variant="contained" size="large" onClick={() => signIn()} disabled={busy !== null}>
                                {translate('app.login.keycloak_button')}
                            </Button>
                        </Box>
                    )}

                    {state.status === 'ready' && state.config.mode === 'dev' && (
                        <section aria-labelledby="dev-users-heading">
                            <Typography id="dev-users-heading" component="h2" variant="h6">
                                {translate('app.login.dev_heading')}
                            </Typography>
                            <Typography variant="body2" sx={{ mb: 1 }}>
                                {translate('app.login.dev_help')}
                            </Typography>
                            {users.length > 6 && (
                                <TextField
                                    label={translate('app.login.filter')}
                                    value={query}
                                    onChange={e => setQuery(e.target.value)}
                                    fullWidth
                                    variant="outlined"
                                    size="small"
                                    margin="dense"
                                    type="search"
                                />
                            )}
                            {filtered.length === 0 ? (
                                <Typography role="status" sx={{ mt: 2 }}>
                                    {translate('app.login.no_users')}
                                </Typography>
                            ) : (
                                <List aria-labelledby="dev-users-heading" dense>
                                    {filtered.map(user => (
                                        <ListItem key={user.username} disableGutters>
                                            <Button
                                                variant="outlined"
                                                fullWidth
                                                onClick={() => signIn(user.username)}
                                                disabled={busy !== null}
                                                sx={{
                                                    justifyContent: 'flex-start',
                                                    textAlign: 'left',
                                                    textTransform: 'none',
                                                }}
                                            >
                                                {/* The accessible name starts with what the button does and contains all the visible text (WCAG 2.5.3). */}
                                                <Box component="span" sx={visuallyHidden}>
                                                    {translate('app.login.sign_in_as')}{' '}
                                                </Box>
                                                <Box sx={{ display: 'flex', flexDirection: 'column', flex: 1 }}>
                                                    <Typography component="span" sx={{ fontWeight: 600 }}>
                                                        {user.name}{' '}
                                                        <Typography component="span" variant="body2">
                                                            ({user.username})
                                                        </Typography>
                                                    </Typography>
                                                    <Typography component="span" variant="body2" color="text.secondary">
                                                        {[user.municipality, user.roles.map(roleLabel).join(', ')]
                                                            .filter(Boolean)
                                                            .join(' · ')}
                                                    </Typography>
                                                </Box>
                                                {busy === user.username && (
                                                    <CircularProgress size={20} aria-hidden="true" />
                                                )}
                                            </Button>
                                        </ListItem>
                                    ))}
                                </List>
                            )}
                        </section>
                    )}
                </CardContent>
            </Card>
            <StatementLink />
        </Box>
    );
};
