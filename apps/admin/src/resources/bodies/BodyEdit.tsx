import { Edit, ShowButton, SimpleForm, TopToolbar } from 'react-admin';
import { BodyInputs, transformBody } from './BodyInputs';

export const BodyEdit = () => (
    <Edit
        mutationMode="pessimistic"
        redirect="show"
        transform={transformBody}
        actions={
            <TopToolbar>
                <ShowButton />
            </TopToolbar>
        }
    >
        <SimpleForm>
            <BodyInputs />
        </SimpleForm>
    </Edit>
);
