/**
 * Video platforms the region keeps a catalog of. Seeded with the platforms the Fyrbodal
 * study describes (facts as of 2020) plus Jitsi Meet, the product's default. Unknown facts
 * stay null rather than guessed: a null gallery size means the gallery cannot cap the number
 * of remote participants, and a null residency cannot satisfy a residency requirement.
 */

/** Where a platform stores meeting data. */
export type DataResidency = 'SE' | 'EU' | 'US';

export interface Platform {
  key: string;
  name: string;
  /** Video tiles shown at once; caps remote participants where "all see all" is chosen. */
  gallerySize: number | null;
  dataResidency: DataResidency | null;
  /** Sign-in with Swedish e-ID (BankID, Freja). */
  eIdSignIn: boolean | null;
  licenceCostSekPerUserYear: number | null;
  /** Why the figures are what they are. */
  note: string;
}

const SEED: Platform[] = [
  {
    key: 'teams',
    name: 'Microsoft Teams',
    gallerySize: 9,
    dataResidency: 'EU',
    eIdSignIn: false,
    licenceCostSekPerUserYear: null,
    note: 'Fyrbodal-studien: spritt i kommunerna, Microsofts datacenter i Europa; 4 samtidiga bilder, 9 i ny version.',
  },
  {
    key: 'skype_for_business',
    name: 'Skype för företag',
    gallerySize: 5,
    dataResidency: null,
    eIdSignIn: false,
    licenceCostSekPerUserYear: null,
    note: 'Fyrbodal-studien: 5 samtidiga bilder; avvecklas 2021 och ersätts av Teams.',
  },
  {
    key: 'lifesize',
    name: 'Lifesize',
    gallerySize: 14,
    dataResidency: null,
    eIdSignIn: false,
    licenceCostSekPerUserYear: null,
    note: 'Fyrbodal-studien: 14 deltagare samtidigt, kan integreras med Teams, molntjänst på AWS (region okänd).',
  },
  {
    key: 'google_meet',
    name: 'Google Meet',
    gallerySize: 16,
    dataResidency: null,
    eIdSignIn: false,
    licenceCostSekPerUserYear: null,
    note: 'Fyrbodal-studien: upp till 16 personer samtidigt; tillägg för handuppräckning.',
  },
  {
    key: 'inera_digitala_moten',
    name: 'Inera Digitala möten',
    gallerySize: 16,
    dataResidency: 'SE',
    eIdSignIn: true,
    licenceCostSekPerUserYear: null,
    note: 'Fyrbodal-studien: krypterad, inloggning med BankID eller Freja, helt Sverigebaserad, 16 samtidiga parter.',
  },
  {
    key: 'zoom',
    name: 'Zoom',
    gallerySize: null,
    dataResidency: null,
    eIdSignIn: false,
    licenceCostSekPerUserYear: 2000,
    note: 'Fyrbodal-studien: säkerhetsbrister, egna servrar och publika moln, ej godkänd i många kommuner. Timrå KS/2020:543: ca 2 000 kr per användare och år.',
  },
  {
    key: 'quickchannel',
    name: 'QuickChannel',
    gallerySize: null,
    dataResidency: null,
    eIdSignIn: null,
    licenceCostSekPerUserYear: null,
    note: 'Fyrbodal-studien: video och webbsändning för kommuner och regioner.',
  },
  {
    key: 'jitsi_meet',
    name: 'Jitsi Meet',
    gallerySize: null,
    dataResidency: 'SE',
    eIdSignIn: false,
    licenceCostSekPerUserYear: null,
    note: 'Öppen källkod (ingen licensavgift, men driftkostnad); förutsätts driftas av förbundet i Sverige. Galleristorlek beror på installationen.',
  },
];

export const REGIONAL_PLATFORM_CATALOG: readonly Platform[] = Object.freeze(SEED.map((platform) => Object.freeze(platform)));

/** The platform with this key, or undefined. */
export function findPlatform(catalog: readonly Platform[], key: string | null | undefined): Platform | undefined {
  if (typeof key !== 'string') return undefined;
  return catalog.find((platform) => platform.key === key);
}

/** Whether a platform's data residency meets a requirement; unknown residency meets only "any". */
export function meetsResidency(residency: DataResidency | null, requirement: 'any' | 'EU' | 'SE'): boolean {
  if (requirement === 'any') return true;
  if (requirement === 'EU') return residency === 'EU' || residency === 'SE';
  return residency === 'SE';
}
