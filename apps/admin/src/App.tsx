import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import { authProvider } from './authProvider';
import { LoginPage } from './auth/LoginPage';
import { dataProvider } from './dataProvider';
import { i18nProvider } from './i18n';
import { Layout } from './layout/Layout';
import { ACCESSIBILITY_STATEMENT_PATH } from './layout/accessibilityPath';
import { theme } from './theme';
import bodies from './resources/bodies';
import meetings from './resources/meetings';
import members from './resources/members';
import parties from './resources/parties';
import partyGroups from './resources/party-groups';
import ruleSets from './resources/rules';
import training from './resources/training';
import support from './resources/support';
import experience from './resources/experience';
import surveys from './resources/surveys';
import { lazyPage } from './resources/lazyPage';
import { StartPage } from './resources/start';

/** The region's pages load when a coordinator opens them; municipal staff never fetch them. */
const ComparisonPage = lazyPage(
    () => import('./resources/region/ComparisonPage'),
    m => m.ComparisonPage,
);
const RegionExperiencePage = lazyPage(
    () => import('./resources/region/RegionExperiencePage'),
    m => m.RegionExperiencePage,
);
const RegionOverview = lazyPage(
    () => import('./resources/region/RegionOverview'),
    m => m.RegionOverview,
);
const RegionRulesPage = lazyPage(
    () => import('./resources/region/RegionRulesPage'),
    m => m.RegionRulesPage,
);
/** Public: read without signing in, so it sits outside the layout. */
const AccessibilityStatement = lazyPage(
    () => import('./layout/AccessibilityStatement'),
    m => m.AccessibilityStatement,
);
const SupportPoolPage = lazyPage(
    () => import('./resources/region/SupportPoolPage'),
    m => m.SupportPoolPage,
);

export const App = () => (
    <Admin
        title="Mötesplats"
        dataProvider={dataProvider}
        authProvider={authProvider}
        i18nProvider={i18nProvider}
        loginPage={LoginPage}
        layout={Layout}
        theme={theme}
        dashboard={StartPage}
        requireAuth
        disableTelemetry
    >
        <Resource name="meetings" {...meetings} />
        <Resource name="bodies" {...bodies} />
        <Resource name="members" {...members} />
        <Resource name="party-groups" {...partyGroups} />
        <Resource name="parties" {...parties} />
        <Resource name="rule-sets" {...ruleSets} />
        <Resource name="training" {...training} />
        <Resource name="support" {...support} />
        <Resource name="experience" {...experience} />
        <Resource name="surveys" {...surveys} />
        <CustomRoutes noLayout>
            <Route path={ACCESSIBILITY_STATEMENT_PATH} element={<AccessibilityStatement />} />
        </CustomRoutes>
        {/* The region's pages: the menu offers them to coordinators only. */}
        <CustomRoutes>
            <Route path="/region" element={<RegionOverview />} />
            <Route path="/region/comparison" element={<ComparisonPage />} />
            <Route path="/region/rules" element={<RegionRulesPage />} />
            <Route path="/region/experience" element={<RegionExperiencePage />} />
            <Route path="/region/support-pool" element={<SupportPoolPage />} />
        </CustomRoutes>
        {/* Edited from their parent's page, so no menu entry of their own. */}
        <Resource name="body-memberships" />
        <Resource name="agenda-items" recordRepresentation="title" />
        <Resource name="attendances" />
    </Admin>
);
