import { Create, SimpleForm } from 'react-admin';
import { BodyInputs, transformBody } from './BodyInputs';

export const BodyCreate = () => (
    <Create redirect="show" transform={transformBody}>
        <SimpleForm>
            <BodyInputs />
        </SimpleForm>
    </Create>
);
