import SchoolIcon from '@mui/icons-material/School';
import { TrainingPage } from './TrainingPage';

/** A page of its own: modules, records, coverage and CSV are views of one capability, not one table. */
export default {
    list: TrainingPage,
    icon: SchoolIcon,
};
