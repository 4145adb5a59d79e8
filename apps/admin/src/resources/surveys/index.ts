import QuizIcon from '@mui/icons-material/Quiz';
import { lazyPage } from '../lazyPage';

/** Surveys across the region's municipalities: asked, answered and followed up on one page. */
export default {
    list: lazyPage(
        () => import('./SurveysPage'),
        m => m.SurveysPage,
    ),
    icon: QuizIcon,
};
