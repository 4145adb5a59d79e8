import { Injectable } from '@nestjs/common';
import { Member } from '../members/members.public.js';
import type { Meeting } from '../meetings/meetings.public.js';
import { ComplianceService } from '../rules/compliance.service.js';
import { MeetingsService } from '../meetings/meetings.service.js';
import { MembersService } from '../members/members.service.js';

export interface BlockReason {
  code: string;
  sv: string;
  en: string;
}

/** Whether a member may take part remotely in a meeting at all, judged as the compliance view judges it. */
export interface RemoteVerdict {
  memberId: string;
  blocked: boolean;
  /** Every distinct obstacle (empty when not blocked). */
  reasons: BlockReason[];
}

/**
 * One answer to "may this member come in remotely?", for the join route, the secretary's
 * list of members to reach, and link delivery. It asks ComplianceService for the very
 * evaluation the compliance view shows, so the link and the view can never disagree.
 *
 * A member is blocked when the rules let them take part remotely in none of the meeting's
 * items: an item closed to remote participants alone does not keep them out of the rest. A
 * meeting without agenda items, or a member the evaluation does not list, is not blocked:
 * there is nothing to judge them against.
 */
@Injectable()
export class RemoteEligibilityService {
  constructor(
    private readonly compliance: ComplianceService,
    private readonly meetings: MeetingsService,
    private readonly members: MembersService,
  ) {}

  /** Verdicts for these members (all members of the meeting's plan when omitted), in the current tenant transaction. */
  async eligibilityForRemote(meetingId: string, memberIds?: readonly string[]): Promise<Map<string, RemoteVerdict>> {
    return this.verdicts(await this.meetings.get(meetingId), memberIds);
  }

  private async verdicts(meeting: Meeting | null, memberIds?: readonly string[]): Promise<Map<string, RemoteVerdict>> {
    const out = new Map<string, RemoteVerdict>();
    if (!meeting) return out;
    const evaluation = await this.compliance.evaluate(meeting);
    const wanted = memberIds ?? [...new Set(evaluation.remoteEligibility.map((e) => e.memberId))];
    for (const memberId of wanted) {
      const rows = evaluation.remoteEligibility.filter((e) => e.memberId === memberId);
      const blocked = rows.length > 0 && rows.every((r) => !r.mayTakePartRemotely);
      const reasons = new Map<string, BlockReason>();
      if (blocked) {
        for (const r of rows.flatMap((row) => row.reasons)) {
          if (r.code !== 'REMOTE_ALLOWED' && !reasons.has(r.code)) reasons.set(r.code, { code: r.code, sv: r.message.sv, en: r.message.en });
        }
      }
      // An item closed to remote participants matters only when it is all that keeps the member out.
      const all = [...reasons.values()];
      const own = all.filter((r) => r.code !== 'ITEM_EXCLUDED');
      out.set(memberId, { memberId, blocked, reasons: own.length ? own : all });
    }
    return out;
  }

  /** The members with a link to the meeting itself whom the rules keep out, with why. */
  async blockedAmong(meetingId: string, memberIds: readonly string[]): Promise<{ member: Member; reasons: BlockReason[] }[]> {
    if (!memberIds.length) return [];
    // What a query shows, for each meeting of a list: the meeting and members through the request's loaders.
    const verdicts = await this.verdicts(await this.meetings.load(meetingId), memberIds);
    const blocked = [...verdicts.values()].filter((v) => v.blocked);
    if (!blocked.length) return [];
    const members = await this.members.loadByName(blocked.map((b) => b.memberId));
    return members.map((member) => ({ member, reasons: verdicts.get(member.id)!.reasons }));
  }
}
