import QuizIcon from '@mui/icons-material/Quiz';
import { SurveysPage } from './SurveysPage';

/** Surveys across the region's municipalities: asked, answered and followed up on one page. */
export default {
    list: SurveysPage,
    icon: QuizIcon,
};
