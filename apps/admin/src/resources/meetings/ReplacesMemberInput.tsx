import { useEffect } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { SelectInput, useGetList } from 'react-admin';

/**
 * A deputy stepping in (tjänstgörande ersättare) takes the seat of an ordinary member of the
 * same body. Offered only when the chosen member is a deputy of the meeting's body; the API
 * checks the same.
 */
export const ReplacesMemberInput = ({ bodyId }: { bodyId: string }) => {
    const memberId = useWatch({ name: 'memberId' }) as string | undefined;
    const replaces = useWatch({ name: 'replacesMemberId' }) as string | null | undefined;
    const { setValue } = useFormContext();
    const { data: seats, isPending } = useGetList('body-memberships', {
        filter: { bodyId },
        pagination: { page: 1, perPage: 1000 },
        sort: { field: 'role', order: 'ASC' },
    });
    const isDeputy = !!memberId && !!seats?.some(s => s.memberId === memberId && s.role === 'DEPUTY');
    // Someone who is no deputy replaces nobody: clear a choice left from another member.
    useEffect(() => {
        if (!isPending && !isDeputy && replaces) setValue('replacesMemberId', null, { shouldDirty: true });
    }, [isPending, isDeputy, replaces, setValue]);
    if (!isDeputy) return null;
    const ordinary = (seats ?? [])
        .filter(s => s.role !== 'DEPUTY')
        .map(s => ({ id: s.memberId, name: s.member?.name ?? s.memberId }))
        .sort((a, b) => a.name.localeCompare(b.name, 'sv'));
    return (
        <SelectInput
            source="replacesMemberId"
            choices={ordinary}
            helperText="resources.attendances.helper.replacesMemberId"
            emptyText="–"
        />
    );
};
