import { useEffect, useMemo, useState } from 'react';
import { AutocompleteInput, ReferenceInput, SelectInput, TextInput, useGetOne, useTranslate } from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import { Alert } from '@mui/material';
import type { BodyType, RuleContent } from '../rules/api';
import { rulesOfBody } from '../rules/bodyOverride';
import { platformChoices } from './platformChoices';
import { graphql } from '../../gql';
import { graphqlRequest } from '../../graphql';
import { StockholmDateTimeInput } from '../../components/StockholmDateTimeInput';
import { endAfter, req } from '../../components/validators';

const endsAtValidators = [req, endAfter('startsAt', 'app.meeting.end_before_start')];

// A meeting cannot move to another body once created (the API's update input has no bodyId).
export const MeetingInputs = ({ edit = false }: { edit?: boolean }) => (
    <>
        <ReferenceInput source="bodyId" reference="bodies" sort={{ field: 'name', order: 'ASC' }}>
            <AutocompleteInput optionText="name" validate={req} filterToQuery={q => ({ q })} disabled={edit} />
        </ReferenceInput>
        <TextInput source="title" validate={req} />
        <StockholmDateTimeInput source="startsAt" validate={req} />
        <StockholmDateTimeInput source="endsAt" validate={endsAtValidators} />
        <TextInput source="place" validate={req} />
        <PlatformInput edit={edit} />
    </>
);

const PlatformsDocument = graphql(`
    query PlatformChoices {
        platformCatalog {
            key
            name
        }
        ruleSetInForce {
            content
        }
        municipalitySettings {
            videoPlatform
        }
    }
`);

/**
 * The video platform for remote participants: only those the body's rules approve, and on a new
 * meeting the municipality's own platform (or the only approved one) filled in.
 */
const PlatformInput = ({ edit }: { edit: boolean }) => {
    const translate = useTranslate();
    const bodyId = useWatch({ name: 'bodyId' }) as string | undefined;
    const { setValue, getValues } = useFormContext();
    const { data: body } = useGetOne('bodies', { id: bodyId ?? '' }, { enabled: !!bodyId });
    const [setup, setSetup] = useState<{
        catalog: { key: string; name: string }[];
        content: RuleContent | null;
        own: string | null;
    } | null>(null);
    useEffect(() => {
        graphqlRequest(PlatformsDocument).then(
            r =>
                setSetup({
                    catalog: r.platformCatalog,
                    content: (r.ruleSetInForce?.content as RuleContent | undefined) ?? null,
                    own: r.municipalitySettings.videoPlatform,
                }),
            () => setSetup({ catalog: [], content: null, own: null }),
        );
    }, []);
    const { choices, preselect } = useMemo(() => {
        if (!setup) return { choices: [], preselect: null };
        const bodyType = body?.kind ? (String(body.kind).toLowerCase() as BodyType) : null;
        const approved =
            setup.content && bodyType && body
                ? (rulesOfBody(setup.content, String(body.id), bodyType).approvedPlatforms as
                      string[] | null | undefined)
                : null;
        return platformChoices(setup.catalog, approved, setup.own);
    }, [setup, body]);
    useEffect(() => {
        if (edit || !preselect) return;
        const current = getValues('platformKey') as string | null | undefined;
        if (!current || !choices.some(c => c.id === current)) setValue('platformKey', preselect, { shouldDirty: true });
    }, [edit, preselect, choices, getValues, setValue]);
    // A meeting already set to a platform its rules no longer approve keeps showing it (compliance says why).
    const current = useWatch({ name: 'platformKey' }) as string | null | undefined;
    const shown =
        current && !choices.some(c => c.id === current)
            ? [...choices, { id: current, name: setup?.catalog.find(p => p.key === current)?.name ?? current }]
            : choices;
    if (setup && body && shown.length === 0)
        return <Alert severity="warning">{translate('secretary.meeting_form.platform_none')}</Alert>;
    return (
        <SelectInput
            source="platformKey"
            choices={shown}
            emptyText="–"
            helperText="secretary.meeting_form.platform_help"
        />
    );
};
