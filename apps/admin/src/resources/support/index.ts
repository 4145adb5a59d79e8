import SupportAgentIcon from '@mui/icons-material/SupportAgent';
import { lazyPage } from '../lazyPage';

/** A page of its own: the register, the week, gaps and forecast are views of one capability. */
export default {
    list: lazyPage(
        () => import('./SupportPage'),
        m => m.SupportPage,
    ),
    icon: SupportAgentIcon,
};
