import { randomUUID } from 'node:crypto';
import type { EntityManager, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { fromPostgresError, notFound } from '../app-error.js';
import type { TenantDb } from '../../database/tenant-db.service.js';
import type { TenantEntity } from '../tenant-entity.js';
import { SortOrder, type BaseFilter, type ListArgs, type PageResult } from './list-args.js';
import { badInput } from '../app-error.js';
import { loadRef } from '../by-id-loader.js';
import { mustExist } from '../must-exist.js';
import type { Selection } from './selection.js';

export interface CrudOptions<E> {
  entity: EntityTarget<E>;
  /** What a person calls one of these, in Swedish, for messages ("Mötet"). */
  label: string;
  /** GraphQL sort field → column; anything else is refused, never interpolated. */
  sortable: Record<string, string>;
  defaultSort: string;
  /** Columns searched by the free-text `q` filter. */
  searchColumns: string[];
}

/**
 * List/get/create/update/delete for one municipality-owned resource. Runs in the request's
 * tenant transaction, so row-level security bounds every statement — including the ones a
 * subclass writes by hand.
 */
export abstract class CrudService<E extends TenantEntity & ObjectLiteral, F extends BaseFilter> {
  protected constructor(
    protected readonly db: TenantDb,
    protected readonly options: CrudOptions<E>,
  ) {}

  protected get alias(): string {
    return 'r';
  }

  /** Resource-specific filters beyond ids and q. */
  protected applyFilter(_qb: SelectQueryBuilder<E>, _filter: F): void {}

  /**
   * A page of the list. `items` is what the query asks for of each item, for a list that reads
   * ahead (the meetings list reads agendas and attendance with the page); the others ignore it.
   */
  async list(args: ListArgs, filter: F | undefined, _items?: Selection): Promise<PageResult<E>> {
    const qb = await this.listQuery(args, filter);
    qb.skip((args.page - 1) * args.perPage).take(args.perPage);
    const [items, total] = await qb.getManyAndCount();
    return { items, total };
  }

  /** The list's rows, filtered and sorted, not yet paged. */
  protected async listQuery(args: ListArgs, filter: F | undefined): Promise<SelectQueryBuilder<E>> {
    const em = await this.db.manager();
    const qb = em.getRepository(this.options.entity).createQueryBuilder(this.alias);
    if (filter?.ids) qb.andWhere(`${this.alias}.id IN (:...ids)`, { ids: filter.ids.length ? filter.ids : [randomUUID()] });
    if (filter?.q?.trim()) {
      // Lists without searchable columns (memberships, attendances) built "()" and failed in SQL.
      if (!this.options.searchColumns.length) throw badInput('Den här listan går inte att söka i med fritext.', { q: 'fritextsökning saknas här' });
      const clauses = this.options.searchColumns.map((c) => `${this.alias}.${c} ILIKE :q`).join(' OR ');
      qb.andWhere(`(${clauses})`, { q: `%${escapeLike(filter.q.trim())}%` });
    }
    if (filter) this.applyFilter(qb, filter);
    const sortField = args.sortField ?? this.options.defaultSort;
    // Own keys only: "constructor", "toString" and the like are on every object's prototype.
    const column = Object.hasOwn(this.options.sortable, sortField) ? this.options.sortable[sortField] : undefined;
    if (typeof column !== 'string') {
      throw badInput(`Det går inte att sortera på "${sortField}". Välj bland: ${Object.keys(this.options.sortable).join(', ')}.`, {
        sortField: 'okänt sorteringsfält',
      });
    }
    qb.orderBy(`${this.alias}.${column}`, args.sortOrder === SortOrder.DESC ? 'DESC' : 'ASC').addOrderBy(`${this.alias}.id`, 'ASC');
    return qb;
  }

  async get(id: string): Promise<E | null> {
    const em = await this.db.manager();
    return em.getRepository(this.options.entity).findOne({ where: { id } as never });
  }

  /**
   * The row a (nullable) reference points at, through the request's by-id loader: resolvers of
   * every capability use this instead of querying the table, and a list still costs one query.
   */
  load(id: string | null | undefined): Promise<E | null> {
    return loadRef(this.db, this.options.entity as EntityTarget<E & { id: string }>, id);
  }

  /** Refuses an input whose `field` names a row the caller cannot see (unknown, or another municipality's). */
  assertExists(id: string | null | undefined, field: string): Promise<void> {
    return mustExist(this.db, this.options.entity, id, field, this.options.label);
  }

  async getOrFail(id: string): Promise<E> {
    const found = await this.get(id);
    if (!found) throw notFound(this.options.label, id);
    return found;
  }

  async create(values: Partial<E>): Promise<E> {
    return this.write(async (em) => {
      const entity = em.getRepository(this.options.entity).create({ ...values, id: randomUUID(), tenantId: this.tenantId() } as never);
      return (await em.getRepository(this.options.entity).save(entity as never)) as unknown as E;
    });
  }

  async update(id: string, values: Partial<E>): Promise<E> {
    const existing = await this.getOrFail(id);
    return this.write(async (em) => {
      const defined = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
      return (await em.getRepository(this.options.entity).save({ ...existing, ...defined } as never)) as unknown as E;
    });
  }

  async remove(id: string): Promise<string> {
    await this.getOrFail(id);
    await this.write((em) => em.getRepository(this.options.entity).delete({ id } as never));
    return id;
  }

  /** Maps constraint violations to input errors; the request's transaction rolls back. */
  protected async write<T>(fn: (em: EntityManager) => Promise<T>): Promise<T> {
    const em = await this.db.manager();
    try {
      return await fn(em);
    } catch (err) {
      throw fromPostgresError(err) ?? err;
    }
  }

  protected tenantId(): string {
    return this.db.tenantId();
  }
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
