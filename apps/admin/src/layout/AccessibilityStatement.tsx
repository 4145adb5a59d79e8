import { Box, Container, Link, List, ListItem, Typography } from '@mui/material';
import { LocalesMenuButton, useTranslate } from 'react-admin';
import { useDocumentTitle } from './useDocumentTitle';

const DIGG_REPORT_FORM = 'https://www.digg.se/tdosanmalan';
const ASSOCIATION_SITE = 'https://www.fyrbodal.se';

/**
 * The accessibility statement (tillgänglighetsredogörelse), in the sections and order of
 * DIGG's model statement. The text is in the catalogues (app.a11y) so it follows the language.
 */
export const AccessibilityStatement = () => {
    const translate = useTranslate();
    const t = (key: string, options?: object) => translate(`app.a11y.${key}`, options);
    useDocumentTitle(t('title'));
    const section = (id: string, paragraphs: string[], extra?: React.ReactNode) => (
        <Box component="section" aria-labelledby={`a11y-${id}`} sx={{ mt: 4 }}>
            <Typography id={`a11y-${id}`} component="h2" variant="h5" gutterBottom>
                {t(`${id}.heading`)}
            </Typography>
            {paragraphs.map(p => (
                <Typography key={p} sx={{ mb: 1.5 }}>
                    {t(`${id}.${p}`)}
                </Typography>
            ))}
            {extra}
        </Box>
    );
    return (
        <Box sx={{ minHeight: '100vh', bgcolor: 'background.default' }}>
            <Box component="header" sx={{ bgcolor: 'primary.main', color: 'primary.contrastText' }}>
                <Container maxWidth="md" sx={{ display: 'flex', alignItems: 'center', py: 1.5 }}>
                    <Typography component="p" variant="h6" sx={{ flex: 1 }}>
                        <Link href="#/" color="inherit" underline="hover">
                            Mötesplats
                        </Link>
                    </Typography>
                    <LocalesMenuButton />
                </Container>
            </Box>
            <Container component="main" maxWidth="md" sx={{ py: 4 }}>
                <Typography component="h1" variant="h4" gutterBottom>
                    {t('title')}
                </Typography>
                <Typography sx={{ mb: 1.5 }}>{t('intro')}</Typography>
                <Typography sx={{ mb: 1.5 }}>{t('scope')}</Typography>
                {section('how', ['text'])}
                {section('cannot_use', ['text', 'response'])}
                {section(
                    'report',
                    ['text'],
                    <Typography>
                        <Link href={ASSOCIATION_SITE}>{t('report.link')}</Link>
                    </Typography>,
                )}
                {section(
                    'supervision',
                    ['text'],
                    <Typography>
                        <Link href={DIGG_REPORT_FORM}>{t('supervision.link')}</Link>
                    </Typography>,
                )}
                {section('technical', ['text'])}
                {section(
                    'not_accessible',
                    ['intro'],
                    <>
                        <Typography component="h3" variant="h6" sx={{ mt: 2 }}>
                            {t('not_accessible.noncompliance')}
                        </Typography>
                        <List sx={{ listStyle: 'disc', pl: 3 }}>
                            {['captions', 'video_platform', 'charts'].map(k => (
                                <ListItem key={k} sx={{ display: 'list-item', pl: 0 }}>
                                    {t(`not_accessible.${k}`)}
                                </ListItem>
                            ))}
                        </List>
                        <Typography component="h3" variant="h6" sx={{ mt: 2 }}>
                            {t('not_accessible.burden_heading')}
                        </Typography>
                        <Typography sx={{ mb: 1.5 }}>{t('not_accessible.burden')}</Typography>
                        <Typography component="h3" variant="h6" sx={{ mt: 2 }}>
                            {t('not_accessible.out_of_scope_heading')}
                        </Typography>
                        <Typography sx={{ mb: 1.5 }}>{t('not_accessible.out_of_scope')}</Typography>
                    </>,
                )}
                {section('tested', ['text', 'assessed', 'published', 'updated'])}
            </Container>
        </Box>
    );
};

export default AccessibilityStatement;
