import { Injectable } from '@nestjs/common';
import { MUNICIPAL_TIME_ZONE } from '../common/stockholm-time.js';
import { TenantDb } from '../database/tenant-db.service.js';
import type { Member } from '../members/member.entity.js';
import { MunicipalitySettingsService } from '../tenancy/municipality-settings.service.js';
import { PracticeSession } from '../training/practice-session.entity.js';
import type { JoinInfo, PlatformKey, ProvisionedVideoMeeting } from '../video-platforms/video-platform.js';
import { VideoPlatforms } from '../video-platforms/video-platforms.js';
import type { TimeWindow } from '../breakout-rooms/windows.js';

/**
 * A practice session's video room on the municipality's platform: a video meeting of its own
 * (no break-out rooms), provisioned on the first member's join and remembered on the session.
 */
@Injectable()
export class PracticeRoom {
  constructor(
    private readonly db: TenantDb,
    private readonly platforms: VideoPlatforms,
    private readonly settings: MunicipalitySettingsService,
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
    const em = await this.db.manager();
    const [row] = await em.query(`select video_platform, video_external_id from practice_session where id = $1 for update`, [session.id]);
    if (row?.video_external_id) return { platform: row.video_platform as PlatformKey, externalId: row.video_external_id, rooms: [] };
    const platform = (await this.settings.current()).videoPlatform;
    const result = await this.platforms.get(platform).provision({
      key: `practice-session-${session.id}`,
      title: session.title,
      startsAt: session.startsAt,
      endsAt: session.endsAt,
      timeZone: MUNICIPAL_TIME_ZONE,
      rooms: [],
    });
    await em.getRepository(PracticeSession).update({ id: session.id }, { videoPlatform: platform, videoExternalId: result.externalId });
    return result;
  }
}
