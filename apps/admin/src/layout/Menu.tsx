import { useEffect } from 'react';
import DashboardIcon from '@mui/icons-material/Dashboard';
import CompareArrowsIcon from '@mui/icons-material/CompareArrows';
import GavelIcon from '@mui/icons-material/Gavel';
import QuizIcon from '@mui/icons-material/Quiz';
import LightbulbIcon from '@mui/icons-material/Lightbulb';
import SchoolIcon from '@mui/icons-material/School';
import SupportAgentIcon from '@mui/icons-material/SupportAgent';
import { Menu, useGetIdentity, useRedirect, useTranslate } from 'react-admin';

/** Municipal resources, in menu order; a coordinator has none of them. */
const MUNICIPAL_RESOURCES = [
    'meetings',
    'bodies',
    'members',
    'party-groups',
    'parties',
    'rule-sets',
    'training',
    'support',
    'experience',
    'surveys',
];
/** Pages that read a municipality's own rows: never a coordinator's. */
const MUNICIPAL_ONLY = [
    'meetings',
    'bodies',
    'members',
    'party-groups',
    'parties',
    'rule-sets',
    'support',
    'experience',
    'body-memberships',
    'agenda-items',
    'attendances',
];

const REGION_ITEMS = [
    { to: '/region', label: 'region.menu.overview', icon: <DashboardIcon /> },
    { to: '/region/comparison', label: 'region.menu.comparison', icon: <CompareArrowsIcon /> },
    { to: '/region/rules', label: 'region.menu.rules', icon: <GavelIcon /> },
    { to: '/surveys', label: 'region.menu.surveys', icon: <QuizIcon /> },
    { to: '/region/experience', label: 'region.menu.experience', icon: <LightbulbIcon /> },
    { to: '/training', label: 'region.menu.training', icon: <SchoolIcon /> },
    { to: '/region/support-pool', label: 'region.menu.supportPool', icon: <SupportAgentIcon /> },
];

/** Region-wide users (coordinators) are those the API binds to no municipality. */
export const useRegionWide = (): boolean | undefined => {
    const { identity, isPending } = useGetIdentity();
    if (isPending || !identity) return undefined;
    return !identity.municipality;
};

/**
 * The menu follows the role: a coordinator gets the region's pages and nothing that reads a
 * municipality's own rows; municipal staff never see the region's pages. Nothing is shown
 * until the identity is known, so no menu flashes that would only fail.
 */
export const AppMenu = () => {
    const translate = useTranslate();
    const regionWide = useRegionWide();
    if (regionWide === undefined) return <Menu />;
    if (regionWide) {
        return (
            <Menu>
                {REGION_ITEMS.map(i => (
                    <Menu.Item key={i.to} to={i.to} primaryText={translate(i.label)} leftIcon={i.icon} />
                ))}
            </Menu>
        );
    }
    return (
        <Menu>
            <Menu.DashboardItem primaryText={translate('secretary.start.title')} />
            {MUNICIPAL_RESOURCES.map(name => (
                <Menu.ResourceItem key={name} name={name} />
            ))}
        </Menu>
    );
};

/** Sends each role to its own pages when a link or the start page points at the other's. */
export const RoleRedirect = () => {
    const regionWide = useRegionWide();
    const redirect = useRedirect();
    useEffect(() => {
        if (regionWide === undefined) return;
        const check = () => {
            const path = window.location.hash.replace(/^#/, '').split('?')[0] || '/';
            const first = path.split('/')[1] ?? '';
            if (regionWide && (path === '/' || MUNICIPAL_ONLY.includes(first))) redirect('/region');
            if (!regionWide && first === 'region') redirect('/meetings');
        };
        check();
        window.addEventListener('hashchange', check);
        return () => window.removeEventListener('hashchange', check);
    }, [regionWide, redirect]);
    return null;
};
