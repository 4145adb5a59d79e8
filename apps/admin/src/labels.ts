import { useLocaleState } from 'react-admin';
import type { FindingCode, ReasonCode } from '@motesplats/rules';
import type {
    AssignmentStatus,
    AttendanceMode,
    BodyKind,
    BreakoutRoomStatus,
    CompletionSource,
    CoverageStatus,
    DeliveryChannel,
    ExperienceReportStatus,
    ForecastScope,
    IdentityLevel,
    IncidentCategory,
    MeetingStatus,
    MembershipRole,
    RuleSetSource,
    RuleSetStatus,
    SortOrder,
    StaffAbsenceKind,
    StaffTrainingStatus,
    SupportConflictKind,
    SupportRoleKind,
    SupportSkill,
    SurveyChoice,
    SurveyQuestionKind,
    SurveyRole,
    TrainingAudience,
    TrainingKind,
    TrainingModuleScope,
    UnfitReason,
} from './gql/graphql';

/** Not in any admin operation yet, so codegen leaves it out; labels.spec.ts holds it to the schema. */
type ReminderChannel = 'EMAIL' | 'SECRETARY_LIST';

/**
 * What every code the API sends is called on screen, in Swedish and English. Each map is typed
 * `Record<Code, string>`, so a value added to schema.graphql or to the rules library's codes
 * fails the admin's type-check until it has a label in both languages (labels.spec.ts checks the
 * same against the schema itself). Raw codes may reach the screen only as a secondary detail
 * marked `data-code`.
 */
export type Language = 'sv' | 'en';
type Labels<C extends string> = Record<Language, Record<C, string>>;

/** The schema's enums, keyed by the enum's GraphQL name. */
interface SchemaEnums {
    AssignmentStatus: AssignmentStatus;
    AttendanceMode: AttendanceMode;
    BodyKind: BodyKind;
    BreakoutRoomStatus: BreakoutRoomStatus;
    CompletionSource: CompletionSource;
    CoverageStatus: CoverageStatus;
    DeliveryChannel: DeliveryChannel;
    ExperienceReportStatus: ExperienceReportStatus;
    ForecastScope: ForecastScope;
    IdentityLevel: IdentityLevel;
    IncidentCategory: IncidentCategory;
    MeetingStatus: MeetingStatus;
    MembershipRole: MembershipRole;
    ReminderChannel: ReminderChannel;
    RuleSetSource: RuleSetSource;
    RuleSetStatus: RuleSetStatus;
    SortOrder: SortOrder;
    StaffAbsenceKind: StaffAbsenceKind;
    StaffTrainingStatus: StaffTrainingStatus;
    SupportConflictKind: SupportConflictKind;
    SupportRoleKind: SupportRoleKind;
    SupportSkill: SupportSkill;
    SurveyChoice: SurveyChoice;
    SurveyQuestionKind: SurveyQuestionKind;
    SurveyRole: SurveyRole;
    TrainingAudience: TrainingAudience;
    TrainingKind: TrainingKind;
    TrainingModuleScope: TrainingModuleScope;
    UnfitReason: UnfitReason;
}

/**
 * The rule model's own vocabularies (plain JSON in a rule set, lower case in @motesplats/rules),
 * and the codes of its findings and reasons.
 */
export type RuleBodyType = 'council' | 'executive_board' | 'committee' | 'sub_committee' | 'company_board';
export type RuleMemberRole = 'chair' | 'vice_chair' | 'member' | 'deputy';
export type EqualTermsReading = 'room_and_speaker' | 'all_can_see_all' | 'all_always_see_all';
export type IdentityCheck = 'none' | 'municipal_account' | 'e_id';
export type PresidiumOnSite = 'none' | 'leader' | 'presidium';
export type DataResidency = 'any' | 'EU' | 'SE' | 'US';
export type RuleSupportRole = 'it_support' | 'meeting_support';
/** Item kinds the demo and the regional template use; a municipality may add its own words. */
export type ItemKind = 'confidential' | 'closed_vote' | 'personnel' | 'election';
/** The region's platform catalog (libs/rules platform-catalog.ts). */
export type PlatformKey =
    | 'teams'
    | 'skype_for_business'
    | 'lifesize'
    | 'google_meet'
    | 'inera_digitala_moten'
    | 'zoom'
    | 'quickchannel'
    | 'jitsi_meet';
/** Who signs in: the roles a token carries. */
export type StaffRole = 'tenant-admin' | 'secretary' | 'support' | 'coordinator';

interface Vocabularies extends SchemaEnums {
    FindingCode: FindingCode;
    ReasonCode: ReasonCode;
    RuleBodyType: RuleBodyType;
    RuleMemberRole: RuleMemberRole;
    EqualTermsReading: EqualTermsReading;
    IdentityCheck: IdentityCheck;
    PresidiumOnSite: PresidiumOnSite;
    DataResidency: DataResidency;
    RuleSupportRole: RuleSupportRole;
    ItemKind: ItemKind;
    PlatformKey: PlatformKey;
    StaffRole: StaffRole;
}
export type Vocabulary = keyof Vocabularies;

const TRAINING_STATUS: Labels<'TRAINED' | 'EXPIRING' | 'EXPIRED' | 'MISSING'> = {
    sv: { TRAINED: 'Giltig', EXPIRING: 'Går snart ut', EXPIRED: 'Har gått ut', MISSING: 'Saknas' },
    en: { TRAINED: 'Valid', EXPIRING: 'Expires soon', EXPIRED: 'Expired', MISSING: 'Missing' },
};
const CONFLICT: Labels<SupportConflictKind> = {
    sv: {
        ABSENT: 'Frånvarande',
        DOUBLE_BOOKED: 'Har ett annat pass samtidigt',
        INACTIVE: 'Inte aktiv',
        SKILL_MISSING: 'Saknar kompetensen',
        UNAVAILABLE: 'Utanför tillgängligheten',
    },
    en: {
        ABSENT: 'Absent',
        DOUBLE_BOOKED: 'Has another shift at the same time',
        INACTIVE: 'Not active',
        SKILL_MISSING: 'Lacks the skill',
        UNAVAILABLE: 'Outside their availability',
    },
};

export const LABELS: { [V in Vocabulary]: Labels<Vocabularies[V]> } = {
    AssignmentStatus: {
        sv: {
            ACCEPTED: 'Accepterat',
            ASSIGNED: 'Tilldelat, inte besvarat',
            DECLINED: 'Avböjt',
            WITHDRAWN: 'Återkallat',
        },
        en: { ACCEPTED: 'Accepted', ASSIGNED: 'Assigned, not answered', DECLINED: 'Declined', WITHDRAWN: 'Withdrawn' },
    },
    AttendanceMode: {
        sv: { ABSENT: 'Frånvarande', ON_SITE: 'På plats', REMOTE: 'På distans' },
        en: { ABSENT: 'Absent', ON_SITE: 'On site', REMOTE: 'Remote' },
    },
    BodyKind: {
        sv: {
            COUNCIL: 'Kommunfullmäktige',
            EXECUTIVE_BOARD: 'Kommunstyrelse',
            COMMITTEE: 'Nämnd',
            SUB_COMMITTEE: 'Utskott',
            COMPANY_BOARD: 'Bolagsstyrelse',
        },
        en: {
            COUNCIL: 'Municipal council',
            EXECUTIVE_BOARD: 'Executive board',
            COMMITTEE: 'Committee',
            SUB_COMMITTEE: 'Sub-committee',
            COMPANY_BOARD: 'Company board',
        },
    },
    BreakoutRoomStatus: {
        sv: { SCHEDULED: 'Väntar', OPEN: 'Öppet', CLOSED: 'Stängt', CANCELLED: 'Inställt' },
        en: { SCHEDULED: 'Scheduled', OPEN: 'Open', CLOSED: 'Closed', CANCELLED: 'Cancelled' },
    },
    CompletionSource: {
        sv: {
            IMPORTED: 'Importerad från fil',
            PRACTICE_SESSION: 'Deltog i ett övningssammanträde',
            RECORDED: 'Registrerad av kansliet',
        },
        en: {
            IMPORTED: 'Imported from a file',
            PRACTICE_SESSION: 'Attended a practice session',
            RECORDED: 'Recorded by the office',
        },
    },
    CoverageStatus: TRAINING_STATUS,
    DeliveryChannel: {
        sv: { EMAIL: 'E-post med kalenderinbjudan', SECRETARY: 'Via sekreteraren' },
        en: { EMAIL: 'E-mail with a calendar invitation', SECRETARY: 'Through the secretary' },
    },
    ExperienceReportStatus: {
        sv: { REQUESTED: 'Begärd', SUBMITTED: 'Inlämnad' },
        en: { REQUESTED: 'Requested', SUBMITTED: 'Submitted' },
    },
    ForecastScope: {
        sv: { MUNICIPALITY: 'Kommunens personal', POOL: 'Regionens stödpool' },
        en: { MUNICIPALITY: "The municipality's staff", POOL: "The region's support pool" },
    },
    IdentityLevel: {
        sv: {
            NONE: 'Inte styrkt',
            MUNICIPAL_ACCOUNT: 'Kommunens användarkonto',
            E_ID: 'E-legitimation (BankID, Freja)',
        },
        en: { NONE: 'Not verified', MUNICIPAL_ACCOUNT: 'Municipal account', E_ID: 'e-ID (BankID, Freja)' },
    },
    IncidentCategory: {
        sv: {
            AUDIO: 'Ljud',
            VIDEO: 'Bild',
            CONNECTION: 'Uppkoppling',
            SIGN_IN: 'Inloggning',
            DOCUMENTS: 'Handlingar',
            VOTING: 'Omröstning',
            OTHER: 'Annat',
        },
        en: {
            AUDIO: 'Audio',
            VIDEO: 'Video',
            CONNECTION: 'Connection',
            SIGN_IN: 'Signing in',
            DOCUMENTS: 'Documents',
            VOTING: 'Voting',
            OTHER: 'Other',
        },
    },
    MeetingStatus: {
        sv: {
            PLANNED: 'Planerat',
            CONVENED: 'Kallat',
            IN_PROGRESS: 'Pågår',
            RECESS: 'Ajournerat',
            ENDED: 'Avslutat',
            CANCELLED: 'Inställt',
        },
        en: {
            PLANNED: 'Planned',
            CONVENED: 'Convened',
            IN_PROGRESS: 'In progress',
            RECESS: 'In recess',
            ENDED: 'Ended',
            CANCELLED: 'Cancelled',
        },
    },
    MembershipRole: {
        sv: { CHAIR: 'Ordförande', VICE_CHAIR: 'Vice ordförande', MEMBER: 'Ledamot', DEPUTY: 'Ersättare' },
        en: { CHAIR: 'Chair', VICE_CHAIR: 'Vice chair', MEMBER: 'Member', DEPUTY: 'Deputy' },
    },
    ReminderChannel: {
        sv: { EMAIL: 'E-post till ledamoten', SECRETARY_LIST: 'På sekreterarens lista' },
        en: { EMAIL: 'E-mail to the member', SECRETARY_LIST: "On the secretary's list" },
    },
    RuleSetSource: {
        sv: { CURRENT_VERSION: 'Gällande version', REGIONAL_TEMPLATE: 'Regionens mall' },
        en: { CURRENT_VERSION: 'The version in force', REGIONAL_TEMPLATE: "The region's template" },
    },
    RuleSetStatus: {
        sv: { DRAFT: 'Utkast', PUBLISHED: 'Publicerad' },
        en: { DRAFT: 'Draft', PUBLISHED: 'Published' },
    },
    SortOrder: {
        sv: { ASC: 'Stigande', DESC: 'Fallande' },
        en: { ASC: 'Ascending', DESC: 'Descending' },
    },
    StaffAbsenceKind: {
        sv: {
            HOLIDAY: 'Semester',
            SICK_LEAVE: 'Sjukfrånvaro',
            OTHER: 'Annan frånvaro',
            EXTRA_AVAILABILITY: 'Tillgänglig utöver veckoschemat',
        },
        en: {
            HOLIDAY: 'Holiday',
            SICK_LEAVE: 'Sick leave',
            OTHER: 'Other absence',
            EXTRA_AVAILABILITY: 'Available beyond the weekly schedule',
        },
    },
    StaffTrainingStatus: TRAINING_STATUS,
    SupportConflictKind: CONFLICT,
    SupportRoleKind: {
        sv: { MEETING_SUPPORT: 'Mötesstöd', IT_SUPPORT: 'IT-support' },
        en: { MEETING_SUPPORT: 'Meeting support', IT_SUPPORT: 'IT support' },
    },
    SupportSkill: {
        sv: {
            IT_SUPPORT: 'IT-support',
            MEETING_SUPPORT: 'Mötesstöd för ordförande och sekreterare',
            AV_BROADCAST: 'Ljud, bild och webbsändning',
            SECRETARY: 'Sekreterare',
            COORDINATOR: 'Samordnare',
        },
        en: {
            IT_SUPPORT: 'IT support',
            MEETING_SUPPORT: 'Meeting support for chair and secretary',
            AV_BROADCAST: 'Audio, video and webcasting',
            SECRETARY: 'Secretary',
            COORDINATOR: 'Coordinator',
        },
    },
    SurveyChoice: {
        sv: { YES: 'Ja', NO: 'Nej', PARTLY: 'Delvis' },
        en: { YES: 'Yes', NO: 'No', PARTLY: 'Partly' },
    },
    SurveyQuestionKind: {
        sv: { CHOICE: 'Ja, nej eller delvis', NUMBER: 'Ett tal', TEXT: 'Fritext' },
        en: { CHOICE: 'Yes, no or partly', NUMBER: 'A number', TEXT: 'Free text' },
    },
    SurveyRole: {
        sv: { ASKER: 'Frågeställare', COORDINATOR: 'Samordnare', RECIPIENT: 'Mottagare' },
        en: { ASKER: 'Asker', COORDINATOR: 'Coordinator', RECIPIENT: 'Recipient' },
    },
    TrainingAudience: {
        sv: {
            MEMBER: 'Ledamöter och ersättare',
            CHAIR: 'Ordförande och vice ordförande',
            SECRETARY: 'Sekreterare',
            SUPPORT_STAFF: 'Mötessupport och IT-support',
            COORDINATOR: 'Regionala samordnare',
        },
        en: {
            MEMBER: 'Members and deputies',
            CHAIR: 'Chairs and vice chairs',
            SECRETARY: 'Secretaries',
            SUPPORT_STAFF: 'Meeting and IT support',
            COORDINATOR: 'Regional coordinators',
        },
    },
    TrainingKind: {
        sv: { E_LEARNING: 'E-utbildning', INSTRUCTION: 'Instruktion', PRACTICE_SESSION: 'Övningssammanträde' },
        en: { E_LEARNING: 'E-learning', INSTRUCTION: 'Instruction', PRACTICE_SESSION: 'Practice session' },
    },
    TrainingModuleScope: {
        sv: { MUNICIPAL: 'Kommunens egen', REGIONAL: 'Regionens bibliotek' },
        en: { MUNICIPAL: "The municipality's own", REGIONAL: "The region's library" },
    },
    UnfitReason: CONFLICT,
    FindingCode: {
        sv: {
            PRESIDIUM_NOT_ON_SITE: 'Presidiet är inte på plats',
            REMOTE_NOT_ALLOWED: 'Deltagande på distans är inte tillåtet',
            PARENT_BODY_NOT_ALLOWED: 'Nämnden har inte beslutat om distansdeltagande i utskottet',
            COMPANY_BOARD_CONSENT_MISSING: 'Alla styrelseledamöter har inte samtyckt',
            NO_PHYSICAL_PLACE: 'Ingen fysisk plats angiven',
            REMOTE_CAP_EXCEEDED: 'För många deltar på distans',
            REMOTE_CAP_UNKNOWN: 'Okänt hur många som får delta på distans',
            REMOTE_ON_EXCLUDED_ITEM: 'Deltagare på distans vid ett undantaget ärende',
            NO_QUORUM: 'Inte beslutfört',
            DOCUMENTS_NOT_DELIVERED: 'Handlingarna har inte nått alla',
            TRAINING_MISSING: 'Utbildning saknas',
            IDENTITY_INSUFFICIENT: 'Identiteten är inte tillräckligt styrkt',
            PLATFORM_NOT_SET: 'Ingen plattform vald',
            PLATFORM_UNKNOWN: 'Plattformen finns inte i katalogen',
            PLATFORM_NOT_APPROVED: 'Plattformen är inte godkänd',
            DATA_RESIDENCY_NOT_MET: 'Plattformen lagrar data på fel plats',
            SUPPORT_MISSING: 'Stöd saknas',
            RULE_SET_LOOSENS_LAW: 'Regelverket är mildare än lagen',
            INVALID_MEETING_TIME: 'Sammanträdets tid är felaktig',
            INVALID_BODY_SEATS: 'Organets platser är felaktiga',
            DUPLICATE_MEMBER: 'Samma ledamot finns två gånger',
            DUPLICATE_ITEM: 'Samma ärende finns två gånger',
            INVALID_FACT: 'En uppgift kunde inte bedömas',
        },
        en: {
            PRESIDIUM_NOT_ON_SITE: 'The presidium is not on site',
            REMOTE_NOT_ALLOWED: 'Remote participation is not allowed',
            PARENT_BODY_NOT_ALLOWED: 'The committee has not decided on remote participation in the sub-committee',
            COMPANY_BOARD_CONSENT_MISSING: 'Not all board members have consented',
            NO_PHYSICAL_PLACE: 'No physical place given',
            REMOTE_CAP_EXCEEDED: 'Too many remote participants',
            REMOTE_CAP_UNKNOWN: 'Unknown how many may take part remotely',
            REMOTE_ON_EXCLUDED_ITEM: 'Remote participants on an excluded item',
            NO_QUORUM: 'No quorum',
            DOCUMENTS_NOT_DELIVERED: 'The documents have not reached everyone',
            TRAINING_MISSING: 'Training missing',
            IDENTITY_INSUFFICIENT: 'Identity not sufficiently verified',
            PLATFORM_NOT_SET: 'No platform chosen',
            PLATFORM_UNKNOWN: 'The platform is not in the catalog',
            PLATFORM_NOT_APPROVED: 'The platform is not approved',
            DATA_RESIDENCY_NOT_MET: 'The platform stores data in the wrong place',
            SUPPORT_MISSING: 'Support missing',
            RULE_SET_LOOSENS_LAW: 'The rules are looser than the law',
            INVALID_MEETING_TIME: "The meeting's time is invalid",
            INVALID_BODY_SEATS: "The body's seats are invalid",
            DUPLICATE_MEMBER: 'The same member is listed twice',
            DUPLICATE_ITEM: 'The same item is listed twice',
            INVALID_FACT: 'A fact could not be judged',
        },
    },
    ReasonCode: {
        sv: {
            REMOTE_ALLOWED: 'Får delta på distans',
            REMOTE_NOT_ALLOWED: 'Deltagande på distans är inte tillåtet',
            PARENT_BODY_NOT_ALLOWED: 'Nämnden har inte beslutat om distansdeltagande i utskottet',
            COMPANY_BOARD_CONSENT_MISSING: 'Alla styrelseledamöter har inte samtyckt',
            ITEM_EXCLUDED: 'Ärendet hanteras inte på distans',
            PRESIDIUM_MUST_BE_ON_SITE: 'Ska vara på plats',
            TRAINING_MISSING: 'Utbildning saknas',
            IDENTITY_INSUFFICIENT: 'Identiteten är inte tillräckligt styrkt',
        },
        en: {
            REMOTE_ALLOWED: 'May take part remotely',
            REMOTE_NOT_ALLOWED: 'Remote participation is not allowed',
            PARENT_BODY_NOT_ALLOWED: 'The committee has not decided on remote participation in the sub-committee',
            COMPANY_BOARD_CONSENT_MISSING: 'Not all board members have consented',
            ITEM_EXCLUDED: 'The item is not handled remotely',
            PRESIDIUM_MUST_BE_ON_SITE: 'Must be on site',
            TRAINING_MISSING: 'Training missing',
            IDENTITY_INSUFFICIENT: 'Identity not sufficiently verified',
        },
    },
    RuleBodyType: {
        sv: {
            council: 'Kommunfullmäktige',
            executive_board: 'Kommunstyrelse',
            committee: 'Nämnd',
            sub_committee: 'Utskott',
            company_board: 'Bolagsstyrelse',
        },
        en: {
            council: 'Municipal council',
            executive_board: 'Executive board',
            committee: 'Committee',
            sub_committee: 'Sub-committee',
            company_board: 'Company board',
        },
    },
    RuleMemberRole: {
        sv: { chair: 'Ordförande', vice_chair: 'Vice ordförande', member: 'Ledamot', deputy: 'Ersättare' },
        en: { chair: 'Chair', vice_chair: 'Vice chair', member: 'Member', deputy: 'Deputy' },
    },
    EqualTermsReading: {
        sv: {
            room_and_speaker: 'Rummet och talaren räcker',
            all_can_see_all: 'Alla kan se alla',
            all_always_see_all: 'Alla ser alltid alla',
        },
        en: {
            room_and_speaker: 'Seeing the room and the speaker is enough',
            all_can_see_all: 'All can see all',
            all_always_see_all: 'All always see all',
        },
    },
    IdentityCheck: {
        sv: { none: 'Ingen', municipal_account: 'Kommunens användarkonto', e_id: 'E-legitimation (BankID, Freja)' },
        en: { none: 'None', municipal_account: 'Municipal account', e_id: 'e-ID (BankID, Freja)' },
    },
    PresidiumOnSite: {
        sv: { none: 'Ingen särskild', leader: 'Den som leder sammanträdet', presidium: 'Hela presidiet' },
        en: { none: 'Nobody in particular', leader: 'Whoever leads the meeting', presidium: 'The whole presidium' },
    },
    DataResidency: {
        sv: { any: 'Var som helst', EU: 'Inom EU', SE: 'I Sverige', US: 'I USA' },
        en: { any: 'Anywhere', EU: 'Within the EU', SE: 'In Sweden', US: 'In the USA' },
    },
    RuleSupportRole: {
        sv: { meeting_support: 'Mötesstöd', it_support: 'IT-support' },
        en: { meeting_support: 'Meeting support', it_support: 'IT support' },
    },
    ItemKind: {
        sv: {
            confidential: 'Sekretessärende',
            closed_vote: 'Sluten omröstning',
            personnel: 'Personalärende',
            election: 'Val',
        },
        en: {
            confidential: 'Confidential matter',
            closed_vote: 'Closed vote',
            personnel: 'Personnel matter',
            election: 'Election',
        },
    },
    PlatformKey: {
        sv: {
            teams: 'Microsoft Teams',
            skype_for_business: 'Skype för företag',
            lifesize: 'Lifesize',
            google_meet: 'Google Meet',
            inera_digitala_moten: 'Ineras digitala möten',
            zoom: 'Zoom',
            quickchannel: 'Quickchannel',
            jitsi_meet: 'Jitsi Meet',
        },
        en: {
            teams: 'Microsoft Teams',
            skype_for_business: 'Skype for Business',
            lifesize: 'Lifesize',
            google_meet: 'Google Meet',
            inera_digitala_moten: "Inera's Digital Meetings",
            zoom: 'Zoom',
            quickchannel: 'Quickchannel',
            jitsi_meet: 'Jitsi Meet',
        },
    },
    StaffRole: {
        sv: {
            'tenant-admin': 'Kansliet (administratör)',
            secretary: 'Nämndsekreterare',
            support: 'Mötessupport',
            coordinator: 'Regional samordnare',
        },
        en: {
            'tenant-admin': 'Municipal office (administrator)',
            secretary: 'Committee secretary',
            support: 'Meeting support',
            coordinator: 'Regional coordinator',
        },
    },
};

/** "closed_vote" → "Closed vote": for a word a municipality added itself, never shown raw. */
const humanize = (code: string): string => {
    const words = code.replace(/[_-]+/g, ' ').trim().toLowerCase();
    return words.charAt(0).toUpperCase() + words.slice(1);
};

const languageOf = (locale: string | undefined): Language => (locale === 'en' ? 'en' : 'sv');

/** The label of `code` in `vocabulary`; a code the admin does not know is made readable rather than shown raw. */
export function label<V extends Vocabulary>(vocabulary: V, code: string, locale?: string): string {
    const map = LABELS[vocabulary][languageOf(locale)] as Record<string, string>;
    return map[code] ?? humanize(code);
}

/** Whether the admin has a label for `code` (unknown codes get a readable fallback). */
export const hasLabel = (vocabulary: Vocabulary, code: string): boolean =>
    code in (LABELS[vocabulary].sv as Record<string, string>);

/** `label` in the language the admin is shown in. */
export function useLabel(): <V extends Vocabulary>(vocabulary: V, code: string) => string {
    const [locale] = useLocaleState();
    return (vocabulary, code) => label(vocabulary, code, locale);
}

/** Choices for a SelectInput/AutocompleteArrayInput, labelled in the current language. */
export function labelChoices<V extends Vocabulary>(
    vocabulary: V,
    locale?: string,
): { id: Vocabularies[V]; name: string }[] {
    const map = LABELS[vocabulary][languageOf(locale)] as Record<string, string>;
    return Object.entries(map).map(([id, name]) => ({ id: id as Vocabularies[V], name }));
}
