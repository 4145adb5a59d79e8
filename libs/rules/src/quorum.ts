/**
 * Quorum per agenda item. Political bodies: more than half of the members present (KL), a
 * remote member counting as present (KL 5:16) — but only on items the member may take part
 * in remotely. Company boards: more than half of all board members taking part, members with
 * a conflict of interest counting as absent, and all having received the documents (ABL 8:21).
 */
import type { Basis } from './legal-basis.js';
import type { AgendaItem, PlannedMember } from './meeting-plan.js';

export interface ItemQuorum {
  itemId: string;
  seats: number;
  /** Participants needed; null when the body's seat count is not a positive whole number. */
  required: number | null;
  counted: number;
  countedOnSite: number;
  countedRemote: number;
  countedMemberIds: string[];
  /** Company boards: whether every board member has the documents; null elsewhere. */
  documentsDeliveredToAll: boolean | null;
  hasQuorum: boolean;
  basis: Basis;
}

/** The smallest number that is more than `share` of `seats`, never more than all seats. */
export function requiredForQuorum(seats: number, moreThanShare: number): number | null {
  if (!Number.isInteger(seats) || seats <= 0 || !Number.isFinite(moreThanShare)) return null;
  // The epsilon keeps 9 × 2/3 from flooring to 5.
  return Math.min(seats, Math.floor(seats * moreThanShare + 1e-9) + 1);
}

export interface QuorumInput {
  items: readonly AgendaItem[];
  members: readonly PlannedMember[];
  seats: number;
  moreThanShare: number;
  /** null where documents do not matter (political bodies). */
  documentsDeliveredToAll: boolean | null;
  /** Whether member m (index) may take part remotely in item i (index). */
  remoteEligible(memberIndex: number, itemIndex: number): boolean;
  basis: Basis;
}

export function computeQuorum(input: QuorumInput): ItemQuorum[] {
  const required = requiredForQuorum(input.seats, input.moreThanShare);
  const conflicts = input.members.map((m) => new Set(Array.isArray(m.conflictOfInterestItemIds) ? m.conflictOfInterestItemIds : []));
  return input.items.map((item, itemIndex) => {
    let onSite = 0;
    let remote = 0;
    const countedMemberIds: string[] = [];
    input.members.forEach((member, memberIndex) => {
      if (!member.voting || conflicts[memberIndex]!.has(item.id)) return;
      if (member.mode === 'on_site') onSite++;
      else if (member.mode === 'remote' && input.remoteEligible(memberIndex, itemIndex)) remote++;
      else return;
      countedMemberIds.push(member.id);
    });
    const counted = onSite + remote;
    return {
      itemId: item.id,
      seats: input.seats,
      required,
      counted,
      countedOnSite: onSite,
      countedRemote: remote,
      countedMemberIds,
      documentsDeliveredToAll: input.documentsDeliveredToAll,
      hasQuorum: required !== null && counted >= required && input.documentsDeliveredToAll !== false,
      basis: input.basis,
    };
  });
}
