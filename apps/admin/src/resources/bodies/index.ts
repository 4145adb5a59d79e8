import AccountTreeIcon from '@mui/icons-material/AccountTree';
import { lazyPage } from '../lazyPage';

export default {
    list: lazyPage(
        () => import('./BodyList'),
        m => m.BodyList,
    ),
    create: lazyPage(
        () => import('./BodyCreate'),
        m => m.BodyCreate,
    ),
    edit: lazyPage(
        () => import('./BodyEdit'),
        m => m.BodyEdit,
    ),
    show: lazyPage(
        () => import('./BodyShow'),
        m => m.BodyShow,
    ),
    icon: AccountTreeIcon,
    recordRepresentation: 'name',
};
