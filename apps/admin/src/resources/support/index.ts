import SupportAgentIcon from '@mui/icons-material/SupportAgent';
import { SupportPage } from './SupportPage';

/** A page of its own: the register, the week, gaps and forecast are views of one capability. */
export default {
    list: SupportPage,
    icon: SupportAgentIcon,
};
