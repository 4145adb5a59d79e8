import { Admin, Resource } from 'react-admin';
import { authProvider } from './authProvider';
import { LoginPage } from './auth/LoginPage';
import { dataProvider } from './dataProvider';
import { i18nProvider } from './i18n';
import { Layout } from './layout/Layout';
import { theme } from './theme';
import bodies from './resources/bodies';
import meetings from './resources/meetings';
import members from './resources/members';
import parties from './resources/parties';
import partyGroups from './resources/party-groups';
import ruleSets from './resources/rules';
import training from './resources/training';
import support from './resources/support';

export const App = () => (
    <Admin
        title="Mötesplats"
        dataProvider={dataProvider}
        authProvider={authProvider}
        i18nProvider={i18nProvider}
        loginPage={LoginPage}
        layout={Layout}
        theme={theme}
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
        {/* Edited from their parent's page, so no menu entry of their own. */}
        <Resource name="body-memberships" />
        <Resource name="agenda-items" recordRepresentation="title" />
        <Resource name="attendances" />
    </Admin>
);
