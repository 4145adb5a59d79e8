import { useState } from 'react';
import {
    Box,
    Button,
    Card,
    CardContent,
    Checkbox,
    Chip,
    FormControlLabel,
    List,
    ListItemButton,
    ListItemText,
    MenuItem,
    Table,
    TableBody,
    TableCell,
    TableHead,
    TableRow,
    TextField,
    Typography,
} from '@mui/material';
import { useGetIdentity, useNotify, useTranslate } from 'react-admin';
import { surveyChoices, surveyQuestionKinds } from '../../choices';
import type { SurveyChoice, SurveyQuestionKind } from '../../gql/graphql';
import { PageFrame } from '../region/PageFrame';
import { download, fetchMunicipalities } from '../region/api';
import { useLoad } from '../region/useLoad';
import {
    answerSurvey,
    createSurvey,
    fetchSurveys,
    remindSurvey,
    type NewSurvey,
    type Survey,
    type SurveyAnswer,
} from './api';

const answerText = (a: SurveyAnswer | undefined, translate: (k: string) => string) => {
    if (!a) return '';
    if (a.choice) return `${translate(`surveys.choice.${a.choice}`)}${a.text ? `: ${a.text}` : ''}`;
    if (a.number !== null) return String(a.number);
    return a.text ?? '';
};

/** Ask selected municipalities of the region a question set. */
const NewSurveyForm = ({ ownId, onCreated }: { ownId: string | null; onCreated: () => void }) => {
    const translate = useTranslate();
    const notify = useNotify();
    const { data: municipalities } = useLoad(fetchMunicipalities, []);
    const [form, setForm] = useState<NewSurvey>({
        title: '',
        intro: '',
        deadline: new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10),
        recipientIds: [],
        questions: [{ text: '', kind: 'CHOICE' }],
    });
    const submit = () =>
        createSurvey({ ...form, deadline: new Date(`${form.deadline}T16:00:00`).toISOString() }).then(
            () => (notify('surveys.created', { type: 'success' }), onCreated()),
            (e: Error) => notify(e.message, { type: 'error' }),
        );
    return (
        <Box sx={{ display: 'grid', gap: 2 }}>
            <TextField
                label={translate('surveys.fields.title')}
                value={form.title}
                onChange={e => setForm({ ...form, title: e.target.value })}
                required
            />
            <TextField
                label={translate('surveys.fields.intro')}
                value={form.intro}
                onChange={e => setForm({ ...form, intro: e.target.value })}
                multiline
            />
            <TextField
                type="date"
                label={translate('surveys.fields.deadline')}
                value={form.deadline}
                onChange={e => setForm({ ...form, deadline: e.target.value })}
                slotProps={{ inputLabel: { shrink: true } }}
            />
            <Typography variant="subtitle2">{translate('surveys.fields.recipients')}</Typography>
            <Box sx={{ display: 'flex', flexWrap: 'wrap' }}>
                {municipalities
                    ?.filter(m => m.id !== ownId)
                    .map(m => (
                        <FormControlLabel
                            key={m.id}
                            control={
                                <Checkbox
                                    checked={form.recipientIds.includes(m.id)}
                                    onChange={e =>
                                        setForm({
                                            ...form,
                                            recipientIds: e.target.checked
                                                ? [...form.recipientIds, m.id]
                                                : form.recipientIds.filter(x => x !== m.id),
                                        })
                                    }
                                />
                            }
                            label={m.name}
                        />
                    ))}
            </Box>
            {form.questions.map((q, i) => (
                <Box key={i} sx={{ display: 'flex', gap: 1 }}>
                    <TextField
                        sx={{ flex: 1 }}
                        label={`${translate('surveys.fields.question')} ${i + 1}`}
                        value={q.text}
                        onChange={e =>
                            setForm({
                                ...form,
                                questions: form.questions.map((x, k) => (k === i ? { ...x, text: e.target.value } : x)),
                            })
                        }
                    />
                    <TextField
                        select
                        label={translate('surveys.fields.kind')}
                        value={q.kind}
                        sx={{ minWidth: 160 }}
                        onChange={e =>
                            setForm({
                                ...form,
                                questions: form.questions.map((x, k) =>
                                    k === i ? { ...x, kind: e.target.value as SurveyQuestionKind } : x,
                                ),
                            })
                        }
                    >
                        {surveyQuestionKinds.map(k => (
                            <MenuItem key={k} value={k}>
                                {translate(`surveys.kind.${k}`)}
                            </MenuItem>
                        ))}
                    </TextField>
                </Box>
            ))}
            <Box sx={{ display: 'flex', gap: 1 }}>
                <Button
                    onClick={() => setForm({ ...form, questions: [...form.questions, { text: '', kind: 'TEXT' }] })}
                >
                    {translate('surveys.addQuestion')}
                </Button>
                <Button variant="contained" onClick={() => void submit()}>
                    {translate('surveys.send')}
                </Button>
            </Box>
        </Box>
    );
};

/** Answering: once, changeable until the deadline. */
const AnswerForm = ({ survey, onSaved }: { survey: Survey; onSaved: () => void }) => {
    const translate = useTranslate();
    const notify = useNotify();
    const mine = survey.responses[0]?.answers ?? [];
    const [answers, setAnswers] = useState<Record<string, SurveyAnswer>>(
        Object.fromEntries(mine.map(a => [a.questionId, a])),
    );
    const set = (questionId: string, patch: Partial<SurveyAnswer>) =>
        setAnswers(a => ({
            ...a,
            [questionId]: { ...(a[questionId] ?? { questionId, choice: null, number: null, text: null }), ...patch },
        }));
    const closed = new Date(survey.deadline).getTime() < Date.now();
    return (
        <Box sx={{ display: 'grid', gap: 2 }}>
            {survey.questions.map(q => (
                <Box key={q.id} sx={{ display: 'grid', gap: 1 }}>
                    <Typography>{`${q.position}. ${q.text}`}</Typography>
                    {q.kind === 'CHOICE' && (
                        <TextField
                            select
                            size="small"
                            label={translate('surveys.fields.answer')}
                            value={answers[q.id]?.choice ?? ''}
                            onChange={e => set(q.id, { choice: e.target.value as SurveyChoice })}
                            disabled={closed}
                            sx={{ maxWidth: 200 }}
                        >
                            {surveyChoices.map(c => (
                                <MenuItem key={c} value={c}>
                                    {translate(`surveys.choice.${c}`)}
                                </MenuItem>
                            ))}
                        </TextField>
                    )}
                    {q.kind === 'NUMBER' && (
                        <TextField
                            type="number"
                            size="small"
                            label={translate('surveys.fields.answer')}
                            value={answers[q.id]?.number ?? ''}
                            onChange={e => set(q.id, { number: e.target.value === '' ? null : Number(e.target.value) })}
                            disabled={closed}
                            sx={{ maxWidth: 200 }}
                        />
                    )}
                    {(q.kind === 'TEXT' || q.kind === 'CHOICE') && (
                        <TextField
                            size="small"
                            multiline
                            label={translate(q.kind === 'TEXT' ? 'surveys.fields.answer' : 'surveys.fields.comment')}
                            value={answers[q.id]?.text ?? ''}
                            onChange={e => set(q.id, { text: e.target.value })}
                            disabled={closed}
                        />
                    )}
                </Box>
            ))}
            {!closed && (
                <Box>
                    <Button
                        variant="contained"
                        onClick={() =>
                            answerSurvey(
                                survey.id,
                                Object.values(answers).map(({ questionId, choice, number, text }) => ({
                                    questionId,
                                    choice,
                                    number,
                                    text,
                                })),
                            ).then(
                                () => (notify('surveys.answered', { type: 'success' }), onSaved()),
                                (e: Error) => notify(e.message, { type: 'error' }),
                            )
                        }
                    >
                        {translate('surveys.saveAnswer')}
                    </Button>
                </Box>
            )}
        </Box>
    );
};

/** Status and results for the asker and coordinators: who has not answered, reminders, the table and CSV. */
const Results = ({ survey, onChanged }: { survey: Survey; onChanged: () => void }) => {
    const translate = useTranslate();
    const notify = useNotify();
    return (
        <Box sx={{ display: 'grid', gap: 2 }}>
            <Typography>
                {translate('surveys.status', { answered: survey.answeredCount, total: survey.recipientCount })}
            </Typography>
            {survey.notAnswered.length > 0 && (
                <Box data-testid="not-answered">
                    <Typography variant="subtitle2">{translate('surveys.notAnswered')}</Typography>
                    {survey.notAnswered.map(n => (
                        <Chip key={n} label={n} sx={{ mr: 1 }} />
                    ))}
                </Box>
            )}
            <Box sx={{ display: 'flex', gap: 1 }}>
                {survey.myRole !== 'RECIPIENT' ? (
                    <Button
                        variant="outlined"
                        disabled={survey.notAnswered.length === 0}
                        onClick={() =>
                            remindSurvey(survey.id).then(
                                n => (notify('surveys.reminded', { type: 'success', messageArgs: { n } }), onChanged()),
                                (e: Error) => notify(e.message, { type: 'error' }),
                            )
                        }
                    >
                        {translate('surveys.remind')}
                    </Button>
                ) : null}
                <Button
                    variant="outlined"
                    onClick={() =>
                        download(`/surveys/${survey.id}/results.csv`, 'enkat.csv').catch((e: Error) =>
                            notify(e.message, { type: 'error' }),
                        )
                    }
                >
                    {translate('surveys.csv')}
                </Button>
            </Box>
            <Box sx={{ overflowX: 'auto' }}>
                <Table size="small" aria-label={survey.title}>
                    <TableHead>
                        <TableRow>
                            <TableCell>{translate('region.municipality')}</TableCell>
                            {survey.questions.map(q => (
                                <TableCell key={q.id}>{`${q.position}. ${q.text}`}</TableCell>
                            ))}
                        </TableRow>
                    </TableHead>
                    <TableBody>
                        {survey.responses.map(r => (
                            <TableRow key={r.municipalityId}>
                                <TableCell component="th" scope="row">
                                    {r.municipalityName}
                                    {!r.answeredAt && (
                                        <Chip size="small" sx={{ ml: 1 }} label={translate('surveys.notYet')} />
                                    )}
                                </TableCell>
                                {survey.questions.map(q => (
                                    <TableCell key={q.id}>
                                        {answerText(
                                            r.answers.find(a => a.questionId === q.id),
                                            translate,
                                        )}
                                    </TableCell>
                                ))}
                            </TableRow>
                        ))}
                    </TableBody>
                </Table>
            </Box>
        </Box>
    );
};

/** Regional surveys: the coordinator or a municipality asks; recipients answer. */
export const SurveysPage = () => {
    const translate = useTranslate();
    const { identity } = useGetIdentity();
    const roles = (identity?.roles as string[] | undefined) ?? [];
    const ownId = (identity?.municipality as { id: string } | null | undefined)?.id ?? null;
    const canAsk = roles.includes('coordinator') || roles.includes('tenant-admin') || roles.includes('secretary');
    const { data, loading, error, reload } = useLoad(fetchSurveys, []);
    const [open, setOpen] = useState<string | null>(null);
    const [creating, setCreating] = useState(false);
    const survey = data?.find(s => s.id === open);
    return (
        <PageFrame title="surveys.title" intro="surveys.intro" loading={loading} error={error}>
            {canAsk && (
                <Box>
                    <Button variant="contained" onClick={() => setCreating(c => !c)}>
                        {translate('surveys.new')}
                    </Button>
                </Box>
            )}
            {creating && (
                <Card>
                    <CardContent>
                        <NewSurveyForm ownId={ownId} onCreated={() => (setCreating(false), reload())} />
                    </CardContent>
                </Card>
            )}
            <Card>
                <CardContent>
                    {data && data.length === 0 && <Typography>{translate('surveys.none')}</Typography>}
                    <List aria-label={translate('surveys.title')}>
                        {data?.map(s => (
                            <ListItemButton
                                key={s.id}
                                selected={s.id === open}
                                onClick={() => setOpen(s.id === open ? null : s.id)}
                            >
                                <ListItemText
                                    primary={s.title}
                                    secondary={`${translate('surveys.askedBy', { who: s.askedBy })} · ${translate('surveys.deadline', { date: s.deadline.slice(0, 10) })}`}
                                />
                                <Chip
                                    size="small"
                                    label={
                                        s.myRole === 'RECIPIENT'
                                            ? translate('surveys.role.RECIPIENT')
                                            : `${s.answeredCount}/${s.recipientCount}`
                                    }
                                />
                            </ListItemButton>
                        ))}
                    </List>
                </CardContent>
            </Card>
            {survey && (
                <Card>
                    <CardContent sx={{ display: 'grid', gap: 2 }}>
                        <Typography component="h2" variant="h6">
                            {survey.title}
                        </Typography>
                        {survey.intro && <Typography variant="body2">{survey.intro}</Typography>}
                        {survey.myRole === 'RECIPIENT' ? (
                            <AnswerForm key={survey.id} survey={survey} onSaved={reload} />
                        ) : (
                            <Results survey={survey} onChanged={reload} />
                        )}
                    </CardContent>
                </Card>
            )}
        </PageFrame>
    );
};
