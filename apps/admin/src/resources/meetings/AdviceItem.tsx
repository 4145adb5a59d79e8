import { Chip, Link, ListItem, ListItemText } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import type { AdviceLine } from './complianceAdvice';

/** One line of advice: what is wrong, whom it concerns (each linked where they are fixed), and the fix. */
export const AdviceItem = ({ line, onNavigate }: { line: AdviceLine; onNavigate?: () => void }) => {
    const translate = useTranslate();
    const [locale] = useLocaleState();
    const text = (t: { sv: string; en: string }) => (locale === 'en' ? t.en : t.sv);
    const sentence = line.sentence
        ? translate(`secretary.compliance.line.${line.sentence.key}`, {
              ...line.sentence.args,
              ...(typeof line.sentence.args.reason === 'string'
                  ? { reason: translate(`secretary.compliance.reason.${line.sentence.args.reason}`) }
                  : {}),
          })
        : text(line.fallback);
    return (
        <ListItem disableGutters alignItems="flex-start" data-code={line.code}>
            <Chip
                size="small"
                color={line.severity === 'blocker' ? 'error' : 'warning'}
                label={translate(`app.compliance.severity_${line.severity}`)}
                sx={{ mr: 1, mt: 0.5, minWidth: 72 }}
            />
            <ListItemText
                primary={
                    <>
                        {sentence}
                        {line.members.length > 0 && ': '}
                        {line.members.map((m, i) => (
                            <span key={m.id}>
                                {i > 0 && ', '}
                                {m.fix ? (
                                    <Link
                                        component={RouterLink}
                                        to={m.fix.to}
                                        onClick={onNavigate}
                                        aria-label={`${translate(`secretary.compliance.fix.${m.fix.kind}`)}: ${m.name}`}
                                    >
                                        {m.name}
                                    </Link>
                                ) : (
                                    m.name
                                )}
                            </span>
                        ))}
                        {line.fix && (
                            <>
                                {' – '}
                                <Link component={RouterLink} to={line.fix.to} onClick={onNavigate}>
                                    {translate(`secretary.compliance.fix.${line.fix.kind}`)}
                                </Link>
                            </>
                        )}
                    </>
                }
                secondary={translate('secretary.compliance.basis', { basis: line.basis })}
            />
        </ListItem>
    );
};
