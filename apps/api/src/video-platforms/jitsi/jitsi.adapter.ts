import { createHmac } from 'node:crypto';
import type {
  AccessWindow,
  JoinInfo,
  PlatformCapabilities,
  ProvisionedVideoMeeting,
  VideoMeetingSpec,
  VideoParticipant,
  VideoPlatformAdapter,
} from '../video-platform.js';
import { signHs256 } from './jitsi-jwt.js';

export interface JitsiSettings {
  /** The Jitsi Meet deployment, e.g. meet.example.se. */
  domain: string;
  /** `iss`: the application id configured in prosody (app_id). */
  appId: string;
  /** `aud`: what the deployment expects (commonly "jitsi"). */
  audience: string;
  /** The shared HS256 secret (app_secret). Never logged. */
  appSecret: string;
}

/**
 * Jitsi Meet, the default platform. Jitsi creates a room when its first participant arrives,
 * so provisioning only names rooms — deterministically, from the stable keys and the secret
 * (the same meeting always gets the same, unguessable room names, however often a job retries).
 * Access is what matters: each member gets a JWT valid exactly for the room's current window.
 */
export class JitsiAdapter implements VideoPlatformAdapter {
  readonly platform = 'jitsi' as const;
  readonly capabilities: PlatformCapabilities = {
    // Jitsi's tile view shows up to 25 participants at a time by default (configurable).
    gallerySize: 25,
    // Self-hosted: the data stays where the municipality or association runs it.
    dataResidency: null,
    preassignedBreakoutRooms: false,
    embeddable: true,
  };

  constructor(private readonly settings: JitsiSettings) {}

  roomName(key: string): string {
    return `motesplats-${createHmac('sha256', this.settings.appSecret).update(`room:${key}`).digest('hex').slice(0, 32)}`;
  }

  async provision(spec: VideoMeetingSpec): Promise<ProvisionedVideoMeeting> {
    return {
      platform: 'jitsi',
      externalId: this.roomName(spec.key),
      rooms: spec.rooms.map((r) => ({ key: r.key, externalId: this.roomName(`${spec.key}/${r.key}`) })),
    };
  }

  /** Nothing to tear down: the tokens' `exp` keeps members out once the window has closed. */
  async close(): Promise<void> {}

  async joinInfo(meeting: ProvisionedVideoMeeting, roomKey: string | undefined, participant: VideoParticipant, window: AccessWindow): Promise<JoinInfo> {
    const roomName = roomKey === undefined ? meeting.externalId : meeting.rooms.find((r) => r.key === roomKey)?.externalId;
    if (!roomName) throw new Error('The room has not been provisioned');
    const jwt = signHs256(
      {
        aud: this.settings.audience,
        iss: this.settings.appId,
        sub: this.settings.domain,
        room: roomName,
        nbf: Math.floor(window.notBefore.getTime() / 1000),
        exp: Math.floor(window.expiresAt.getTime() / 1000),
        context: {
          user: { id: participant.id, name: participant.name, ...(participant.email ? { email: participant.email } : {}) },
        },
      },
      this.settings.appSecret,
    );
    return {
      url: `https://${this.settings.domain}/${encodeURIComponent(roomName)}?jwt=${jwt}`,
      embed: { domain: this.settings.domain, roomName, jwt },
    };
  }
}
