import { Injectable } from '@nestjs/common';
import { In, IsNull, type SelectQueryBuilder } from 'typeorm';
import { CrudService } from '../common/crud/crud.service.js';
import { TenantDb } from '../database/tenant-db.service.js';
import { IdentityLevel, Member } from './member.entity.js';
import type { MemberFilter } from './member.inputs.js';
import { PartiesService } from '../party-groups/party-groups.service.js';

@Injectable()
export class MembersService extends CrudService<Member, MemberFilter> {
  constructor(
    db: TenantDb,
    private readonly parties: PartiesService,
  ) {
    super(db, {
      entity: Member,
      label: 'Ledamoten',
      sortable: { name: 'name', email: 'email' },
      defaultSort: 'name',
      searchColumns: ['name', 'email'],
    });
  }

  protected override applyFilter(qb: SelectQueryBuilder<Member>, f: MemberFilter): void {
    if (f.partyId) qb.andWhere('r.partyId = :partyId', { partyId: f.partyId });
    if (f.bodyId) {
      qb.andWhere('r.id IN (SELECT bm.member_id FROM body_membership bm WHERE bm.body_id = :bodyId)', { bodyId: f.bodyId });
    }
  }

  override async create(values: Partial<Member>): Promise<Member> {
    await this.parties.assertExists(values.partyId, 'partyId');
    return super.create({ email: null, phone: null, partyId: null, identityLevel: IdentityLevel.NONE, ...values });
  }

  override async update(id: string, values: Partial<Member>): Promise<Member> {
    await this.parties.assertExists(values.partyId, 'partyId');
    return super.update(id, values);
  }

  // What other capabilities may ask about members; they never query the member table themselves.

  async exists(id: string): Promise<boolean> {
    const em = await this.db.manager();
    return em.getRepository(Member).exists({ where: { id } });
  }

  /** How many of the given ids are members of this municipality. */
  async countExisting(ids: string[]): Promise<number> {
    const em = await this.db.manager();
    return em.getRepository(Member).count({ where: { id: In(ids) } });
  }

  /** The member, who must exist (a foreign key says so). */
  async existing(id: string): Promise<Member> {
    const em = await this.db.manager();
    return em.getRepository(Member).findOneOrFail({ where: { id } });
  }

  /** The given members; in name order when asked, as a list shown to people is. */
  async byIds(ids: string[], order: 'name' | 'none' = 'none'): Promise<Member[]> {
    const em = await this.db.manager();
    return em.getRepository(Member).find({ where: { id: In(ids) }, ...(order === 'name' ? { order: { name: 'ASC' as const } } : {}) });
  }

  /**
   * The given members in name order through the request's by-id loader: what a list's rows
   * show (a room's invitees for each room of each meeting) costs one statement for all of them.
   * Names compare as the database orders them (C collation: by code point).
   */
  async loadByName(ids: readonly string[]): Promise<Member[]> {
    const found = (await Promise.all([...new Set(ids)].map((id) => this.load(id)))).filter((m): m is Member => !!m);
    return found.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** Those of the given members who have no e-mail address (their links are handed over in person), by name. */
  async withoutEmail(ids: string[]): Promise<Member[]> {
    const em = await this.db.manager();
    return em.getRepository(Member).find({ where: { id: In(ids), email: IsNull() }, order: { name: 'ASC' } });
  }

  /** Names and e-mail addresses only: what matching imported rows needs. */
  async contacts(): Promise<Member[]> {
    const em = await this.db.manager();
    return em.getRepository(Member).find({ select: { id: true, name: true, email: true } });
  }

  /** Names and identity levels only: what the rules' evaluation needs. */
  async identities(ids: string[]): Promise<Pick<Member, 'id' | 'name' | 'identityLevel'>[]> {
    const em = await this.db.manager();
    return em.getRepository(Member).find({ where: { id: In(ids) }, select: { id: true, name: true, identityLevel: true } });
  }
}
