import LightbulbIcon from '@mui/icons-material/Lightbulb';
import { ExperiencePage } from './ExperiencePage';

/** A page of its own: reports to write after meetings, and what the municipality shares with its region. */
export default {
    list: ExperiencePage,
    icon: LightbulbIcon,
};
