import { notFound } from '../../common/app-error.js';
import type {
  AccessWindow,
  BreakoutRoomSpec,
  JoinInfo,
  PlatformCapabilities,
  ProvisionedVideoMeeting,
  VideoMeetingSpec,
  VideoParticipant,
  VideoPlatformAdapter,
} from '../video-platform.js';
import { ZoomClient, ZoomError, type ZoomClientOptions } from './zoom-client.js';
import type { ZoomSettings } from '../../config/zoom-settings.js';

/** Zoom's limits on the fields we fill (API reference, "Create a meeting"). */
const TOPIC_MAX = 200;
const PAGE_SIZE = 300;

/**
 * The municipality's meeting as one scheduled Zoom meeting whose party-group rooms are Zoom's
 * pre-assigned breakout rooms, with a personal join link per member through meeting
 * registration.
 *
 * Idempotency: Zoom has no idempotency key, so the meeting carries ours in its agenda
 * (`[motesplats:<key>]`) and `provision` first looks among the host's scheduled meetings for
 * it — the key survives our own crashes between creating and recording the meeting, which an
 * id kept only on our side would not. Two provisions of one key running at the same moment
 * could still both create; the room jobs serialise per meeting (deterministic job ids).
 *
 * Members without e-mail: Zoom registers and pre-assigns people by e-mail address only, so
 * they get the meeting's shared join URL (Zoom asks them for name and e-mail before letting
 * them in) and join the main room; the host moves them to their party's room
 * (`capabilities.personalJoinNeedsEmail`).
 *
 * Windows: a Zoom join URL is not bound to a time; the member's page only hands it out inside
 * the window, and the meeting is deleted when it closes.
 */
export class ZoomAdapter implements VideoPlatformAdapter {
  readonly platform = 'zoom' as const;
  readonly capabilities: PlatformCapabilities;
  private readonly client: ZoomClient;

  constructor(
    private readonly settings: ZoomSettings,
    options: ZoomClientOptions = {},
  ) {
    this.client = new ZoomClient(settings, options);
    this.capabilities = {
      gallerySize: 49,
      dataResidency: settings.dataResidency,
      preassignedBreakoutRooms: true,
      embeddable: false,
      personalJoinNeedsEmail: true,
    };
  }

  async provision(spec: VideoMeetingSpec): Promise<ProvisionedVideoMeeting> {
    const rooms = breakoutRooms(spec.rooms);
    const body = meetingBody(spec, rooms);
    const existing = await this.findMeeting(spec.key);
    let meetingId = existing;
    if (existing) {
      try {
        await this.client.request('PATCH', `/meetings/${existing}`, body);
      } catch (err) {
        // Deleted in Zoom's portal between listing and updating: create it anew.
        if (!(err instanceof ZoomError && err.status === 404)) throw err;
        meetingId = undefined;
      }
    }
    if (!meetingId) {
      const created = await this.client.request<{ id?: unknown }>('POST', `/users/${encodeURIComponent(this.settings.userId)}/meetings`, body);
      if (typeof created?.id !== 'number') throw new ZoomError('ZOOM_REQUEST_FAILED', 'Zoom skapade mötet men svarade utan mötes-id.');
      meetingId = String(created.id);
    }
    return { platform: 'zoom', externalId: meetingId, rooms: rooms.map((r) => ({ key: r.key, externalId: r.name })) };
  }

  async close(meeting: ProvisionedVideoMeeting): Promise<void> {
    try {
      // schedule_for_reminder=false: Zoom would otherwise mail the host about the cancellation.
      await this.client.request('DELETE', `/meetings/${meeting.externalId}?schedule_for_reminder=false`);
    } catch (err) {
      if (err instanceof ZoomError && err.status === 404) return; // already gone
      throw err;
    }
  }

  /**
   * The same personal registrant link serves the meeting and the member's party room: Zoom
   * places pre-assigned participants in their room when the host opens the breakout rooms.
   */
  async joinInfo(meeting: ProvisionedVideoMeeting, roomKey: string | undefined, participant: VideoParticipant, _window: AccessWindow): Promise<JoinInfo> {
    if (roomKey !== undefined && !meeting.rooms.some((r) => r.key === roomKey)) throw notFound('Partigruppsrummet', roomKey);
    if (!participant.email) {
      const shared = await this.client.request<{ join_url?: unknown }>('GET', `/meetings/${meeting.externalId}`);
      return { url: requireUrl(shared?.join_url) };
    }
    // Registering an e-mail that is already registered returns that registrant's link again.
    const registrant = await this.client.request<{ join_url?: unknown }>('POST', `/meetings/${meeting.externalId}/registrants`, {
      ...registrantName(participant.name),
      email: participant.email,
    });
    return { url: requireUrl(registrant?.join_url) };
  }

  private async findMeeting(key: string): Promise<string | undefined> {
    const mark = agendaMark(key);
    let pageToken = '';
    do {
      const query = new URLSearchParams({ type: 'scheduled', page_size: String(PAGE_SIZE), ...(pageToken ? { next_page_token: pageToken } : {}) });
      const page = await this.client.request<{ meetings?: { id?: number; agenda?: string }[]; next_page_token?: string }>(
        'GET',
        `/users/${encodeURIComponent(this.settings.userId)}/meetings?${query}`,
      );
      const found = page?.meetings?.find((m) => typeof m.id === 'number' && m.agenda?.includes(mark));
      if (found) return String(found.id);
      pageToken = page?.next_page_token ?? '';
    } while (pageToken);
    return undefined;
  }
}

/** The Zoom adapter when ZOOM_* is configured, for the VIDEO_PLATFORMS provider; undefined otherwise. */
export function zoomAdapterFor(settings: ZoomSettings | undefined): ZoomAdapter | undefined {
  return settings && new ZoomAdapter(settings);
}

interface ZoomRoom {
  key: string;
  name: string;
  participants: string[];
}

/**
 * Zoom tells rooms apart by name and places a participant in one room only: names are made
 * unique and a member invited to two rooms is pre-assigned to the first. Members without
 * e-mail cannot be pre-assigned.
 */
function breakoutRooms(specs: BreakoutRoomSpec[]): ZoomRoom[] {
  const names = new Set<string>();
  const assigned = new Set<string>();
  return specs.map((spec) => {
    let name = spec.name.trim();
    for (let n = 2; names.has(name); n++) name = `${spec.name.trim()} (${n})`;
    names.add(name);
    const participants: string[] = [];
    for (const invitee of spec.invitees) {
      const email = invitee.email?.trim().toLowerCase();
      if (!email || assigned.has(email)) continue;
      assigned.add(email);
      participants.push(email);
    }
    return { key: spec.key, name, participants };
  });
}

function meetingBody(spec: VideoMeetingSpec, rooms: ZoomRoom[]) {
  return {
    topic: spec.title.slice(0, TOPIC_MAX),
    type: 2, // scheduled
    // Zoom's GMT form, yyyy-MM-ddTHH:mm:ssZ (no milliseconds); `timezone` is how Zoom shows it.
    start_time: spec.startsAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    duration: Math.max(1, Math.ceil((spec.endsAt.getTime() - spec.startsAt.getTime()) / 60_000)),
    timezone: spec.timeZone,
    agenda: `Sammanträde med partigruppsrum via Mötesplats. ${agendaMark(spec.key)}`,
    settings: {
      approval_type: 0, // registration on, approved at once: every registrant gets a personal link
      // Mötesplats delivers the links itself; Zoom should not mail members.
      registrants_email_notification: false,
      registrants_confirmation_email: false,
      breakout_room: { enable: rooms.length > 0, rooms: rooms.map(({ name, participants }) => ({ name, participants })) },
    },
  };
}

function agendaMark(key: string): string {
  return `[motesplats:${key}]`;
}

/** Zoom wants a first name and takes a last name; the last word of a Swedish full name is the surname. */
function registrantName(name: string): { first_name: string; last_name?: string } {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length < 2) return { first_name: words[0] ?? 'Ledamot' };
  return { first_name: words.slice(0, -1).join(' '), last_name: words.at(-1)! };
}

function requireUrl(url: unknown): string {
  if (typeof url !== 'string' || !url) throw new ZoomError('ZOOM_REQUEST_FAILED', 'Zoom svarade utan join_url.');
  return url;
}
