import { AutocompleteInput, ReferenceInput, SelectInput, TextInput, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { bodyKindChoices } from '../../choices';
import { req } from '../../components/validators';

export const BodyInputs = () => {
    const kind = useWatch({ name: 'kind' });
    const translate = useTranslate();
    const needsParent = kind === 'SUB_COMMITTEE';
    return (
        <>
            <TextInput source="name" validate={req} />
            <SelectInput source="kind" choices={bodyKindChoices} validate={req} />
            {needsParent && (
                <ReferenceInput source="parentBodyId" reference="bodies" sort={{ field: 'name', order: 'ASC' }}>
                    <AutocompleteInput
                        optionText="name"
                        validate={req}
                        helperText={translate('app.body.parent_required')}
                        filterToQuery={q => ({ q })}
                    />
                </ReferenceInput>
            )}
        </>
    );
};

/** A body that is not a sub-committee has no parent; clear any value left from editing. */
export const transformBody = (data: Record<string, unknown>) =>
    data.kind === 'SUB_COMMITTEE' ? data : { ...data, parentBodyId: null };
