import AccountTreeIcon from '@mui/icons-material/AccountTree';
import { BodyCreate } from './BodyCreate';
import { BodyEdit } from './BodyEdit';
import { BodyList } from './BodyList';
import { BodyShow } from './BodyShow';

export default {
    list: BodyList,
    create: BodyCreate,
    edit: BodyEdit,
    show: BodyShow,
    icon: AccountTreeIcon,
    recordRepresentation: 'name',
};
