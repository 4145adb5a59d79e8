import { Edit, ShowButton, SimpleForm, TopToolbar } from 'react-admin';
import { MeetingInputs } from './MeetingInputs';

// The agenda and attendance tabs live on the meeting page (show view); this form edits the
// meeting's own fields, pessimistically so the API's rule checks answer before we navigate.
export const MeetingEdit = () => (
    <Edit
        mutationMode="pessimistic"
        redirect="show"
        actions={
            <TopToolbar>
                <ShowButton />
            </TopToolbar>
        }
    >
        <SimpleForm>
            <MeetingInputs edit />
        </SimpleForm>
    </Edit>
);
