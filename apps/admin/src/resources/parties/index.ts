import FlagIcon from '@mui/icons-material/Flag';
import { lazyPage } from '../lazyPage';

export default {
    list: lazyPage(
        () => import('./pages'),
        m => m.PartyList,
    ),
    create: lazyPage(
        () => import('./pages'),
        m => m.PartyCreate,
    ),
    edit: lazyPage(
        () => import('./pages'),
        m => m.PartyEdit,
    ),
    icon: FlagIcon,
    recordRepresentation: (record: { name?: string; abbreviation?: string }) =>
        record.abbreviation ? `${record.name} (${record.abbreviation})` : (record.name ?? ''),
};
