/**
 * The demo region: Fyrbodal's 14 member municipalities with their SCB municipality codes.
 * Council sizes are approximate and the people are invented; nothing here is a real record.
 */
export const DEMO_REGION = { slug: 'fyrbodal', name: 'Fyrbodals kommunalförbund' };

export const DEMO_MUNICIPALITIES: { name: string; slug: string; code: string; councilSeats: number; place: string }[] = [
  { name: 'Bengtsfors', slug: 'bengtsfors', code: '1460', councilSeats: 35, place: 'Kommunhuset, sessionssalen' },
  { name: 'Dals-Ed', slug: 'dals-ed', code: '1438', councilSeats: 31, place: 'Kommunhuset, Ed' },
  { name: 'Färgelanda', slug: 'fargelanda', code: '1439', councilSeats: 31, place: 'Kommunhuset, Färgelanda' },
  { name: 'Lysekil', slug: 'lysekil', code: '1484', councilSeats: 41, place: 'Stadshuset, KF-salen' },
  { name: 'Mellerud', slug: 'mellerud', code: '1461', councilSeats: 35, place: 'Kommunhuset, Kuben' },
  { name: 'Munkedal', slug: 'munkedal', code: '1430', councilSeats: 41, place: 'Kommunhuset, Forum' },
  { name: 'Orust', slug: 'orust', code: '1421', councilSeats: 41, place: 'Kommunhuset, Henån' },
  { name: 'Sotenäs', slug: 'sotenas', code: '1427', councilSeats: 31, place: 'Kommunhuset, Kungshamn' },
  { name: 'Strömstad', slug: 'stromstad', code: '1486', councilSeats: 35, place: 'Stadshuset, sessionssalen' },
  { name: 'Tanum', slug: 'tanum', code: '1435', councilSeats: 45, place: 'Kommunhuset, Tanumshede' },
  { name: 'Trollhättan', slug: 'trollhattan', code: '1488', councilSeats: 61, place: 'Stadshuset, fullmäktigesalen' },
  { name: 'Uddevalla', slug: 'uddevalla', code: '1485', councilSeats: 61, place: 'Stadshuset, KF-salen' },
  { name: 'Vänersborg', slug: 'vanersborg', code: '1487', councilSeats: 51, place: 'Folkets hus, Vänersborg' },
  { name: 'Åmål', slug: 'amal', code: '1492', councilSeats: 35, place: 'Stadshuset, Åmål' },
];

/** The second demo region: Västernorrland's seven municipalities with their SCB codes (DOMAIN.md §8). */
export const VASTERNORRLAND = { slug: 'vasternorrland', name: 'Kommunförbundet Västernorrland' };
export const VASTERNORRLAND_MUNICIPALITIES: typeof DEMO_MUNICIPALITIES = [
  { name: 'Härnösand', slug: 'harnosand', code: '2280', councilSeats: 49, place: 'Rådhuset, fullmäktigesalen' },
  { name: 'Kramfors', slug: 'kramfors', code: '2282', councilSeats: 41, place: 'Kommunhuset, Kramfors' },
  { name: 'Sollefteå', slug: 'solleftea', code: '2283', councilSeats: 41, place: 'Kommunhuset, Sollefteå' },
  { name: 'Sundsvall', slug: 'sundsvall', code: '2281', councilSeats: 75, place: 'Stadshuset, fullmäktigesalen' },
  { name: 'Timrå', slug: 'timra', code: '2262', councilSeats: 49, place: 'Kommunhuset, Timrå' },
  { name: 'Ånge', slug: 'ange', code: '2260', councilSeats: 31, place: 'Kommunhuset, Ånge' },
  { name: 'Örnsköldsvik', slug: 'ornskoldsvik', code: '2284', councilSeats: 61, place: 'Arken, fullmäktigesalen' },
];

export interface DemoRegion {
  slug: string;
  name: string;
  municipalities: typeof DEMO_MUNICIPALITIES;
}

/** Every demo region, Fyrbodal first (its ids and dev users predate the others). */
export const DEMO_REGIONS: DemoRegion[] = [
  { ...DEMO_REGION, municipalities: DEMO_MUNICIPALITIES },
  { ...VASTERNORRLAND, municipalities: VASTERNORRLAND_MUNICIPALITIES },
];

/** Share of council seats per party in the demo; the last party has none (a party outside the council). */
export const DEMO_PARTIES: { abbreviation: string; name: string; share: number }[] = [
  { abbreviation: 'S', name: 'Socialdemokraterna', share: 0.3 },
  { abbreviation: 'M', name: 'Moderaterna', share: 0.19 },
  { abbreviation: 'SD', name: 'Sverigedemokraterna', share: 0.2 },
  { abbreviation: 'C', name: 'Centerpartiet', share: 0.08 },
  { abbreviation: 'V', name: 'Vänsterpartiet', share: 0.07 },
  { abbreviation: 'KD', name: 'Kristdemokraterna', share: 0.07 },
  { abbreviation: 'L', name: 'Liberalerna', share: 0.05 },
  { abbreviation: 'MP', name: 'Miljöpartiet', share: 0.04 },
  { abbreviation: 'LA', name: 'Lokalt alternativ (utan mandat)', share: 0 },
];

export const FIRST_NAMES = [
  'Anna',
  'Erik',
  'Maria',
  'Lars',
  'Karin',
  'Johan',
  'Eva',
  'Anders',
  'Sara',
  'Per',
  'Lena',
  'Mikael',
  'Kristina',
  'Magnus',
  'Emma',
  'Fredrik',
  'Ingrid',
  'Peter',
  'Linnea',
  'Jonas',
  'Birgitta',
  'Mats',
  'Elin',
  'Stefan',
  'Ida',
  'Henrik',
  'Marie',
  'Ola',
  'Hanna',
  'Göran',
  'Malin',
  'Björn',
  'Sofia',
  'Nils',
  'Ulla',
  'Tomas',
  'Åsa',
  'Daniel',
  'Helena',
  'Bengt',
  'Amina',
  'Ali',
  'Leila',
  'Jussi',
  'Aino',
];
export const LAST_NAMES = [
  'Andersson',
  'Johansson',
  'Karlsson',
  'Nilsson',
  'Eriksson',
  'Larsson',
  'Olsson',
  'Persson',
  'Svensson',
  'Gustafsson',
  'Pettersson',
  'Jonsson',
  'Jansson',
  'Hansson',
  'Bengtsson',
  'Jönsson',
  'Lindberg',
  'Jakobsson',
  'Magnusson',
  'Olofsson',
  'Lindström',
  'Lindqvist',
  'Lindgren',
  'Berg',
  'Axelsson',
  'Bergström',
  'Lundberg',
  'Lind',
  'Lundgren',
  'Mattsson',
  'Berglund',
  'Fredriksson',
  'Sandberg',
  'Henriksson',
  'Forsberg',
  'Sjöberg',
  'Ali',
  'Hassan',
  'Virtanen',
  'Öberg',
  'Åkesson',
  'Strand',
  'Holm',
  'Ek',
  'Dahl',
];
