import { useEffect, useState } from 'react';
import { AutocompleteInput, ReferenceInput, SelectInput, TextInput } from 'react-admin';
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
        <PlatformInput />
    </>
);

const PlatformsDocument = graphql(`
    query PlatformChoices {
        platformCatalog {
            key
            name
        }
    }
`);

/** The video platform for remote participants, from the region's catalog. */
const PlatformInput = () => {
    const [choices, setChoices] = useState<{ id: string; name: string }[]>([]);
    useEffect(() => {
        graphqlRequest(PlatformsDocument).then(
            r => setChoices(r.platformCatalog.map(p => ({ id: p.key, name: p.name }))),
            () => setChoices([]),
        );
    }, []);
    return (
        <SelectInput
            source="platformKey"
            choices={choices}
            emptyText="–"
            helperText="resources.meetings.helper.platformKey"
        />
    );
};
