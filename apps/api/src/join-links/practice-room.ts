import { Injectable } from '@nestjs/common';
import { MUNICIPAL_TIME_ZONE } from '@motesplats/rules';
import type { Member } from '../members/member.entity.js';
import { MunicipalitySettingsService } from '../tenancy/municipality-settings.service.js';
import { PracticeSession } from '../training/training.public.js';
import type { JoinInfo, PlatformKey, ProvisionedVideoMeeting } from '../video-platforms/video-platform.js';
import { VideoPlatforms } from '../video-platforms/video-platforms.js';
import type { TimeWindow } from '../breakout-rooms/windows.js';
import { PracticeSessionsService } from '../training/practice-sessions.service.js';

/**
 * A practice session's video room on the municipality's platform: a video meeting of its own
 * (no break-out rooms), provisioned on the first member's join and remembered on the session.
 */
@Injectable()
export class PracticeRoom {
  constructor(
    private readonly platforms: VideoPlatforms,
    private readonly settings: MunicipalitySettingsService,
    private readonly sessions: PracticeSessionsService,
  ) {}

  /** The member's way in, valid only inside the link's window. */
  async joinInfo(session: PracticeSession, member: Member, window: TimeWindow): Promise<JoinInfo> {
    const room = await this.ensureProvisioned(session);
    return this.platforms
      .get(room.platform)
      .joinInfo(room, undefined, { id: member.id, name: member.name, email: member.email }, { notBefore: window.opensAt, expiresAt: window.closesAt });
  }

  /** The session's row is locked first, so members arriving together provision it once. */
  private async ensureProvisioned(session: PracticeSession): Promise<ProvisionedVideoMeeting> {
    const made = await this.sessions.lockVideoRoom(session.id);
    if (made) return { platform: made.platform as PlatformKey, externalId: made.externalId, rooms: [] };
    const platform = (await this.settings.current()).videoPlatform;
    const result = await this.platforms.get(platform).provision({
      key: `practice-session-${session.id}`,
      title: session.title,
      startsAt: session.startsAt,
      endsAt: session.endsAt,
      timeZone: MUNICIPAL_TIME_ZONE,
      rooms: [],
    });
    await this.sessions.setVideoRoom(session.id, platform, result.externalId);
    return result;
  }
}
