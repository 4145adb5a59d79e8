import EventIcon from '@mui/icons-material/Event';
import { lazyPage } from '../lazyPage';

export default {
    list: lazyPage(
        () => import('./MeetingList'),
        m => m.MeetingList,
    ),
    create: lazyPage(
        () => import('./MeetingCreate'),
        m => m.MeetingCreate,
    ),
    edit: lazyPage(
        () => import('./MeetingEdit'),
        m => m.MeetingEdit,
    ),
    show: lazyPage(
        () => import('./MeetingShow'),
        m => m.MeetingShow,
    ),
    icon: EventIcon,
    recordRepresentation: 'title',
};
