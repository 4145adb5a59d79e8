import GavelIcon from '@mui/icons-material/Gavel';
import { lazyPage } from '../lazyPage';

/** A page of its own rather than a CRUD resource: versions are drafted, published and compared, not edited in place. */
export default {
    list: lazyPage(
        () => import('./RuleSetsPage'),
        m => m.RuleSetsPage,
    ),
    icon: GavelIcon,
};
