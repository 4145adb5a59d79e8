/** The catalog keys Mötesplats drives itself, by the municipality's configured video platform. */
const ADAPTER_TO_CATALOG: Record<string, string> = { jitsi: 'jitsi_meet', zoom: 'zoom', teams: 'teams' };

/**
 * The platforms a meeting may use: those of the region's catalog its body's rules approve
 * (all, when the rules name none), and the one to preselect — the municipality's own platform
 * when approved, else the only approved one.
 */
export const platformChoices = (
    catalog: { key: string; name: string }[],
    approved: string[] | null | undefined,
    municipalityPlatform: string | null | undefined,
): { choices: { id: string; name: string }[]; preselect: string | null } => {
    const allowed = approved ? catalog.filter(p => approved.includes(p.key)) : catalog;
    const own = municipalityPlatform ? ADAPTER_TO_CATALOG[municipalityPlatform] : undefined;
    const preselect = allowed.find(p => p.key === own)?.key ?? (allowed.length === 1 ? allowed[0]!.key : null);
    return { choices: allowed.map(p => ({ id: p.key, name: p.name })), preselect };
};
