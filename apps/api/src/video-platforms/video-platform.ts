/**
 * What Mötesplats needs from a video platform. The municipality's meeting is one video
 * meeting; party groups' break-out rooms belong to it (the Timrå rule) — on platforms with
 * native pre-assigned break-out rooms (Zoom) as those, elsewhere (Jitsi) as separate rooms
 * whose access is bound to the room's window.
 */
export type PlatformKey = 'jitsi' | 'zoom' | 'teams';

export interface VideoParticipant {
  /** Our member id: stable, never shown to the platform as anything but an opaque id. */
  id: string;
  name: string;
  email: string | null;
}

export interface BreakoutRoomSpec {
  /** Stable key, e.g. the break-out room's id. */
  key: string;
  name: string;
  invitees: VideoParticipant[];
}

export interface VideoMeetingSpec {
  /** Stable key (e.g. the meeting's id): provisioning the same key twice yields one meeting. */
  key: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  rooms: BreakoutRoomSpec[];
}

export interface ProvisionedVideoMeeting {
  platform: PlatformKey;
  /** The platform's id of the meeting (Zoom meeting id, Jitsi room name). */
  externalId: string;
  rooms: { key: string; externalId: string }[];
}

export interface AccessWindow {
  notBefore: Date;
  expiresAt: Date;
}

export interface JoinInfo {
  /** Where the member's page sends (or embeds) them. */
  url: string;
  /** For platforms embedded in the member's page (Jitsi's IFrame API). */
  embed?: { domain: string; roomName: string; jwt: string };
}

export interface PlatformCapabilities {
  /** Simultaneous video tiles; caps remote participants where "all see all" is the rule. */
  gallerySize: number | null;
  dataResidency: string | null;
  preassignedBreakoutRooms: boolean;
  embeddable: boolean;
  /**
   * Members without e-mail get no personal link or pre-assigned room, only the meeting's shared
   * way in (Zoom registers participants by e-mail): the secretary should reach them otherwise.
   */
  personalJoinNeedsEmail?: boolean;
}

export interface VideoPlatformAdapter {
  readonly platform: PlatformKey;
  readonly capabilities: PlatformCapabilities;
  /** Idempotent by `spec.key`. Updates the rooms of an existing meeting. */
  provision(spec: VideoMeetingSpec): Promise<ProvisionedVideoMeeting>;
  close(meeting: ProvisionedVideoMeeting): Promise<void>;
  /** A personal way in to the meeting (roomKey undefined) or one of its break-out rooms, valid only inside `window`. */
  joinInfo(meeting: ProvisionedVideoMeeting, roomKey: string | undefined, participant: VideoParticipant, window: AccessWindow): Promise<JoinInfo>;
}

export const VIDEO_PLATFORMS = Symbol('VIDEO_PLATFORMS');
