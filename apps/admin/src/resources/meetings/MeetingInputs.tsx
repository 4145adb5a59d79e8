import { AutocompleteInput, ReferenceInput, TextInput } from 'react-admin';
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
    </>
);
