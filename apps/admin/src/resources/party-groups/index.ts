import GroupsIcon from '@mui/icons-material/Groups';
import { lazyPage } from '../lazyPage';

export default {
    list: lazyPage(
        () => import('./pages'),
        m => m.PartyGroupList,
    ),
    create: lazyPage(
        () => import('./pages'),
        m => m.PartyGroupCreate,
    ),
    edit: lazyPage(
        () => import('./pages'),
        m => m.PartyGroupEdit,
    ),
    icon: GroupsIcon,
    recordRepresentation: 'name',
};
