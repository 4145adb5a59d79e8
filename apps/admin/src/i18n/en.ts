import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'react-admin';

const en: TranslationMessages = {
    ra: {
        ...englishMessages.ra,
        // Keys ra-ui-materialui can show but ra-language-english does not ship.
        message: {
            ...englishMessages.ra.message,
            update_title: 'Update %{name} %{recordRepresentation}',
            update_content: 'Are you sure you want to update this %{name}?',
        },
        validation: {
            ...englishMessages.ra.validation,
            error: 'Invalid value',
        },
    } as TranslationMessages['ra'],
    app: {
        name: 'Mötesplats',
        title: 'Mötesplats – administration',
        locales: { sv: 'Svenska', en: 'English' },
        municipality: 'Municipality',
        actions: 'Actions',
        region: 'Region',
        login: {
            title: 'Sign in to Mötesplats',
            intro: 'Administration of bodies, members, party groups and meetings.',
            dev_heading: 'Demo users',
            dev_help:
                'Development sign-in: choose a seeded demo user. In production, staff sign in with the association’s Keycloak.',
            filter: 'Filter users',
            sign_in_as: 'Sign in as %{name} (%{username})',
            no_users: 'No demo users match.',
            keycloak_button: 'Sign in with Keycloak',
            keycloak_help: 'You will be sent to the association’s sign-in page.',
            config_error:
                'Could not reach the Mötesplats server. Check your connection and reload the page.',
            roles: 'Roles',
        },
        roles: {
            'tenant-admin': 'Municipal administrator',
            secretary: 'Secretary',
            support: 'Meeting support',
            coordinator: 'Regional coordinator',
        },
        errors: {
            network: 'The server could not be reached. Try again in a moment.',
            unknown: 'Something went wrong on the server.',
        },
        meeting: {
            change_status: 'Change status',
            status_changed: 'Meeting status changed to “%{status}”',
            set_status: 'Set to “%{status}”',
            no_transitions: 'The meeting is %{status}; its status can no longer change.',
            details: 'Details',
            agenda: 'Agenda',
            attendance: 'Attendance',
            edit_details: 'Edit details',
            end_before_start: 'The end must be after the start',
        },
        body: {
            details: 'Details',
            memberships: 'Members and roles',
            presidium: 'Presidium',
            presidium_help: 'The chair and the vice chairs form the presidium.',
            parent_required: 'A sub-committee must belong to a committee or the executive board',
        },
        inline: {
            add: 'Add',
            edit_row: 'Edit %{name}',
            delete_row: 'Delete %{name}',
            dialog_create: 'Add %{name}',
            dialog_edit: 'Edit %{name}',
            empty: 'Nothing here yet.',
        },
        validation: {
            integer: 'Must be a whole number',
            left_before_joined: 'Left must be after joined',
        },
    },
    resources: {
        meetings: {
            name: 'Meeting |||| Meetings',
            fields: {
                title: 'Title',
                bodyId: 'Body',
                body: 'Body',
                startsAt: 'Starts',
                endsAt: 'Ends',
                place: 'Place (as named in the notice)',
                status: 'Status',
                q: 'Search',
                startsAfter: 'Starts after',
                startsBefore: 'Starts before',
            },
            status: {
                PLANNED: 'Planned',
                CONVENED: 'Convened',
                IN_PROGRESS: 'In progress',
                RECESS: 'Recess',
                ENDED: 'Ended',
                CANCELLED: 'Cancelled',
            },
        },
        'agenda-items': {
            name: 'Agenda item |||| Agenda items',
            fields: {
                number: 'Item no.',
                title: 'Title',
                confidential: 'Confidential',
                closedVote: 'Closed vote',
                kinds: 'Item kinds',
            },
            helper: {
                kinds: 'Type a kind and press Enter, e.g. “budget”.',
                confidential: 'Confidential items are not handled with remote participants.',
                closedVote: 'Items needing a closed vote are not handled with remote participants.',
            },
        },
        attendances: {
            name: 'Attendance |||| Attendance',
            fields: {
                memberId: 'Member',
                member: 'Member',
                mode: 'Participation',
                joinedAt: 'Joined',
                leftAt: 'Left',
            },
            mode: {
                ON_SITE: 'On site',
                REMOTE: 'Remote',
                ABSENT: 'Absent',
            },
        },
        bodies: {
            name: 'Body |||| Bodies',
            fields: {
                name: 'Name',
                kind: 'Type',
                parentBodyId: 'Parent body',
                parentBody: 'Parent body',
                q: 'Search',
            },
            kind: {
                COUNCIL: 'Municipal council',
                EXECUTIVE_BOARD: 'Executive board',
                COMMITTEE: 'Committee',
                SUB_COMMITTEE: 'Sub-committee',
                COMPANY_BOARD: 'Company board',
            },
        },
        'body-memberships': {
            name: 'Body membership |||| Body memberships',
            fields: {
                bodyId: 'Body',
                memberId: 'Member',
                member: 'Member',
                role: 'Role',
            },
            role: {
                CHAIR: 'Chair',
                VICE_CHAIR: 'Vice chair',
                MEMBER: 'Member',
                DEPUTY: 'Deputy',
            },
        },
        members: {
            name: 'Member |||| Members',
            fields: {
                name: 'Name',
                email: 'Email',
                phone: 'Phone',
                partyId: 'Party',
                party: 'Party',
                bodyId: 'Body',
                q: 'Search',
            },
            helper: {
                contact: 'Optional: many members have no municipal account or email address.',
            },
        },
        'party-groups': {
            name: 'Party group |||| Party groups',
            fields: {
                name: 'Name',
                partyId: 'Party',
                party: 'Party',
                councilSeats: 'Council seats',
                q: 'Search',
            },
        },
        parties: {
            name: 'Party |||| Parties',
            fields: {
                name: 'Name',
                abbreviation: 'Abbreviation',
                q: 'Search',
            },
        },
    },
};

export default en;
