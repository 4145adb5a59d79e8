import PersonIcon from '@mui/icons-material/Person';
import { lazyPage } from '../lazyPage';

export default {
    list: lazyPage(
        () => import('./pages'),
        m => m.MemberList,
    ),
    create: lazyPage(
        () => import('./pages'),
        m => m.MemberCreate,
    ),
    edit: lazyPage(
        () => import('./pages'),
        m => m.MemberEdit,
    ),
    icon: PersonIcon,
    recordRepresentation: 'name',
};
