/**
 * Where an answer comes from. Every reason and finding carries one, because the record of
 * who took part how, item by item, is what an administrative court reads.
 */
import type { BodyType } from './rule-set.js';

export interface Basis {
  /** law: statute · guidance: SKR's reading of the law, or the Fyrbodal study · local: the municipality's own decision. */
  kind: 'law' | 'guidance' | 'local';
  reference: string;
}

const law = (reference: string): Basis => ({ kind: 'law', reference });
const guidance = (reference: string): Basis => ({ kind: 'guidance', reference });

export const LEGAL_BASIS = {
  councilRemote: law('KL 5 kap. 16 §'),
  committeeRemote: law('KL 6 kap. 24 §'),
  subCommitteeRemote: guidance('KL 6 kap. 24 §; Fyrbodal-studien: utskottet kan inte själv besluta, nämnden beslutar'),
  companyBoardConsent: guidance('Fyrbodal-studien: bolagsstyrelse kan sammanträda på distans om alla ledamöter är med på det'),
  // Section numbers for quorum are kept in one place so they are easy to correct.
  councilQuorum: law('KL 5 kap. 57 §'),
  committeeQuorum: law('KL 6 kap. 28 §'),
  companyBoardQuorum: law('ABL 8 kap. 21 §'),
  excludedItems: guidance('SKR:s vägledning till KL 5 kap. 16 §; Fyrbodal-studien: sekretessärenden och ärenden med sluten omröstning undantas'),
  physicalPlace: guidance('SKR:s vägledning till KL 5 kap. 16 §: sammanträdet har alltid en fysisk plats, den som anges i kallelsen'),
  presidium: guidance('SKR:s vägledning; Fyrbodal-studien: mötet hålls på den fysiska plats där minst presidiet befinner sig'),
  meetingLeader: guidance('SKR:s vägledning: den som leder sammanträdet är på den fysiska platsen'),
  equalTerms: law('KL 5 kap. 16 § (lika villkor)'),
  conflictOfInterestCompany: law('ABL 8 kap. 21 § (jävig ledamot räknas som frånvarande)'),
  breakoutRooms: guidance('Timrå kommun KS/2020:543: partigruppsrum bara i direkt anslutning till sammanträden'),
} as const satisfies Record<string, Basis>;

export function localBasis(decisionReference: string): Basis {
  return { kind: 'local', reference: decisionReference };
}

export function remoteBasisFor(type: BodyType): Basis {
  switch (type) {
    case 'council':
      return LEGAL_BASIS.councilRemote;
    case 'executive_board':
    case 'committee':
      return LEGAL_BASIS.committeeRemote;
    case 'sub_committee':
      return LEGAL_BASIS.subCommitteeRemote;
    case 'company_board':
      return LEGAL_BASIS.companyBoardConsent;
  }
}

export function quorumBasisFor(type: BodyType): Basis {
  switch (type) {
    case 'council':
      return LEGAL_BASIS.councilQuorum;
    case 'company_board':
      return LEGAL_BASIS.companyBoardQuorum;
    default:
      return LEGAL_BASIS.committeeQuorum;
  }
}
