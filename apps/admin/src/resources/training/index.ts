import SchoolIcon from '@mui/icons-material/School';
import { lazyPage } from '../lazyPage';

/** A page of its own: modules, records, coverage and CSV are views of one capability, not one table. */
export default {
    list: lazyPage(
        () => import('./TrainingPage'),
        m => m.TrainingPage,
    ),
    icon: SchoolIcon,
};
