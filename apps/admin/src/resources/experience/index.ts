import LightbulbIcon from '@mui/icons-material/Lightbulb';
import { lazyPage } from '../lazyPage';

/** A page of its own: reports to write after meetings, and what the municipality shares with its region. */
export default {
    list: lazyPage(
        () => import('./ExperiencePage'),
        m => m.ExperiencePage,
    ),
    icon: LightbulbIcon,
};
