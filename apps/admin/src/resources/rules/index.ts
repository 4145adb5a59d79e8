import GavelIcon from '@mui/icons-material/Gavel';
import { RuleSetsPage } from './RuleSetsPage';

/** A page of its own rather than a CRUD resource: versions are drafted, published and compared, not edited in place. */
export default {
    list: RuleSetsPage,
    icon: GavelIcon,
};
