import { useEffect, useState, type ReactNode } from 'react';
import { Autocomplete, Chip, TextField } from '@mui/material';
import { useInput, useLocaleState, useTranslate } from 'react-admin';
import { label, labelChoices } from '../labels';
import { fetchModules } from '../resources/training/api';

interface ChooserProps {
    id: string;
    label: string;
    helperText: ReactNode;
    value: string[];
    disabled: boolean;
    onChange: (codes: string[]) => void;
}

/**
 * Several codes chosen by their names (chips), never typed comma-separated: the list offers the
 * known ones, and a municipality may add a word of its own (free text becomes a chip too).
 */
const Chooser = ({
    options,
    nameOf,
    freeSolo,
    ...props
}: ChooserProps & { options: string[]; nameOf: (code: string) => string; freeSolo: boolean }) => {
    const translate = useTranslate();
    return (
        <Autocomplete
            multiple
            freeSolo={freeSolo}
            id={props.id}
            options={options}
            value={props.value}
            disabled={props.disabled}
            getOptionLabel={nameOf}
            filterSelectedOptions
            onChange={(_e, codes) => props.onChange(codes.map(c => c.trim()).filter(Boolean))}
            renderValue={(codes, getItemProps) =>
                codes.map((code, index) => {
                    const { key, ...itemProps } = getItemProps({ index });
                    // A read-only (published) rule set's values must stay legible: no faded chips.
                    return (
                        <Chip
                            key={key}
                            label={nameOf(code)}
                            size="small"
                            {...itemProps}
                            sx={{ '&.Mui-disabled': { opacity: 1 } }}
                        />
                    );
                })
            }
            noOptionsText={translate('app.chooser.no_options')}
            renderInput={params => <TextField {...params} label={props.label} helperText={props.helperText} />}
        />
    );
};

/** Item kinds excluded from remote participation: sekretess, sluten omröstning, and the municipality's own. */
export const ItemKindChooser = (props: ChooserProps) => {
    const [locale] = useLocaleState();
    return (
        <Chooser
            {...props}
            options={labelChoices('ItemKind', locale).map(c => c.id)}
            nameOf={code => label('ItemKind', code, locale)}
            freeSolo
        />
    );
};

/**
 * The item kinds of one agenda item in a react-admin form: the same chooser, so the secretary
 * sees "Sluten omröstning" while editing, never the stored word `closed_vote`.
 */
export const ItemKindsInput = ({
    source,
    label,
    helperText,
}: {
    source: string;
    label: string;
    helperText: string;
}) => {
    const translate = useTranslate();
    const { id, field, formState } = useInput({ source, defaultValue: [] });
    return (
        <ItemKindChooser
            id={id}
            label={translate(label)}
            helperText={translate(helperText)}
            value={(field.value as string[] | null) ?? []}
            disabled={formState.isSubmitting}
            onChange={codes => field.onChange(codes)}
        />
    );
};

/** Training modules required for remote participation, chosen by title from the library. */
export const TrainingModuleChooser = (props: ChooserProps) => {
    const [modules, setModules] = useState<{ key: string; title: string }[]>([]);
    useEffect(() => {
        let live = true;
        fetchModules()
            .then(items => live && setModules(items))
            .catch(() => undefined);
        return () => {
            live = false;
        };
    }, []);
    const title = (key: string) => modules.find(m => m.key === key)?.title ?? key;
    return <Chooser {...props} options={modules.map(m => m.key)} nameOf={title} freeSolo={false} />;
};
