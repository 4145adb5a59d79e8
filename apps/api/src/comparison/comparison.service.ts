import { Inject, Injectable, Optional } from '@nestjs/common';
import { BODY_TYPES, type BodyRules, type BodyType, diffRuleSets, localDate, type RuleSetContent } from '@motesplats/rules';
import { figure, type Figure } from '../common/figure.model.js';
import { TenantDb } from '../database/tenant-db.service.js';
import { RegionalRulesService } from '../rules/regional-rules.service.js';
import type { Comparison, ComparisonRow, ComparisonTrendPoint, RulesMatrixCell } from './comparison.model.js';
import { SUPPORT_COVERAGE, type SupportCoverageSource } from './support-coverage.js';
import { Clock } from '../common/clock.js';

/** A row of regional_comparison(): null counts are suppressed (or not shared). */
interface StatRow {
  municipality_id: string;
  quarter_text: string | null;
  meetings_held: string | null;
  remote_meetings: string | null;
  remote_share: string | null;
  reports: string | null;
  incidents: string | null;
  incidents_per_10: string | null;
  minutes_lost: string | null;
  average_rating: string | null;
  support_sufficient_share: string | null;
}

interface Place {
  id: string;
  name: string;
  code: string;
}

/**
 * Municipalities side by side for coordinators. Every figure comes from the database's
 * regional functions, which answer only region-wide callers for their own region, apply each
 * municipality's sharing at call time and suppress small counts; this service only lays them
 * out, adds the rule matrix (with deviations from the template) and the licence estimate.
 */
@Injectable()
export class ComparisonService {
  constructor(
    private readonly db: TenantDb,
    private readonly regional: RegionalRulesService,
    private readonly clock: Clock,
    @Optional() @Inject(SUPPORT_COVERAGE) private readonly support?: SupportCoverageSource,
  ) {}

  async compare(from: string, to: string, bodyKind: string | null): Promise<Comparison> {
    const em = await this.db.manager();
    const threshold = await this.threshold();
    // Row-level security on the registry: a coordinator's session sees its own region only.
    const places: Place[] = await em.query('select id, name, code from municipality order by name');
    const sharing: { tenant_id: string; shares_rules: boolean; shares_aggregates: boolean; shares_reports: boolean }[] = await em.query(
      'select tenant_id, shares_rules, shares_aggregates, shares_reports from municipality_region_settings',
    );
    const stats: StatRow[] = await em.query('select c.*, c.quarter::text as quarter_text from regional_comparison($1::date, $2::date, $3, false) c', [
      from,
      to,
      bodyKind,
    ]);
    const quarterly: StatRow[] = await em.query(
      'select c.*, c.quarter::text as quarter_text from regional_comparison($1::date, $2::date, $3, true) c order by c.quarter',
      [from, to, bodyKind],
    );
    const training: { municipality_id: string; covered: string | null; total: string | null }[] = await em.query(
      'select municipality_id, covered, total from regional_training_totals($1::date)',
      [localDate(this.clock.now())],
    );
    const supportCoverage = this.support ? await this.support.regionalSupportCoverage(from, to) : undefined;
    const rules = await this.rulesMatrix(to, bodyKind);
    const licences = await this.licenceEstimates(to);

    const rows: ComparisonRow[] = places.map((p) => {
      const shares = sharing.find((s) => s.tenant_id === p.id);
      const agg = shares?.shares_aggregates ?? true;
      const rep = shares?.shares_reports ?? true;
      const s = stats.find((r) => r.municipality_id === p.id);
      const t = training.find((r) => r.municipality_id === p.id);
      const sup = supportCoverage?.get(p.id);
      const licence = licences.get(p.id);
      return {
        municipalityId: p.id,
        municipalityName: p.name,
        municipalityCode: p.code,
        sharesRules: shares?.shares_rules ?? true,
        sharesAggregates: agg,
        sharesReports: rep,
        ...this.figures(s, threshold, agg, rep),
        trainingCoverage:
          agg && t ? (t.covered === null || t.total === null ? figure(null, threshold) : share(Number(t.covered), Number(t.total), threshold)) : null,
        supportCoverage: agg && sup ? share(sup.covered, sup.needed, threshold) : null,
        licenceCostSekPerYear: licence?.cost ?? null,
        licencePlatforms: licence?.platforms ?? [],
      };
    });
    const trends: ComparisonTrendPoint[] = quarterly.map((q) => {
      const f = this.figures(q, threshold, true, true);
      return {
        municipalityId: q.municipality_id,
        quarter: q.quarter_text!,
        meetingsHeld: f.meetingsHeld,
        remoteShare: f.remoteShare,
        incidentsPer10Meetings: f.incidentsPer10Meetings,
      };
    });
    return { from, to, bodyKind, threshold, rows, trends, rules };
  }

  private figures(s: StatRow | undefined, threshold: number, agg: boolean, rep: boolean) {
    const held = s?.meetings_held;
    const reports = s?.reports;
    const none = (v: string | null | undefined) => v === '0' || v === undefined;
    const f = (v: string | null | undefined, nothing: boolean): Figure => figure(v, threshold, nothing || (s === undefined && v === undefined));
    const count = (v: string | null | undefined): Figure => (s === undefined ? { value: 0, suppressed: false, display: '0' } : figure(v, threshold));
    return {
      meetingsHeld: agg ? count(held) : null,
      remoteMeetings: agg ? count(s?.remote_meetings) : null,
      remoteShare: agg ? f(s?.remote_share, none(held)) : null,
      reports: rep ? count(reports) : null,
      incidents: rep ? count(s?.incidents) : null,
      incidentsPer10Meetings: rep && agg ? f(s?.incidents_per_10, none(held)) : null,
      minutesLost: rep ? (s === undefined ? count(undefined) : figure(s.minutes_lost, threshold)) : null,
      averageRating: rep ? f(s?.average_rating, none(reports)) : null,
      supportSufficientShare: rep ? f(s?.support_sufficient_share, none(reports)) : null,
    };
  }

  /** The rule set in force at the period's end, per body type, beside the latest template. */
  async rulesMatrix(onDate: string, bodyKind: string | null): Promise<RulesMatrixCell[]> {
    const em = await this.db.manager();
    const sets: { municipality_id: string; version: number; decision_reference: string; content: RuleSetContent }[] = await em.query(
      'select municipality_id, version, decision_reference, content from regional_rule_sets($1::date)',
      [onDate],
    );
    const names = new Map<string, string>(((await em.query('select id, name from municipality')) as { id: string; name: string }[]).map((m) => [m.id, m.name]));
    const template = await this.regional.latestTemplate();
    const types = (bodyKind ? [bodyKind] : BODY_TYPES) as BodyType[];
    const cells: RulesMatrixCell[] = [];
    for (const set of sets.sort((a, b) => (names.get(a.municipality_id) ?? '').localeCompare(names.get(b.municipality_id) ?? '', 'sv'))) {
      const diffs = template ? diffRuleSets(template, set.content) : [];
      for (const type of types) {
        const rules = set.content.bodyTypes[type] as BodyRules | undefined;
        if (!rules) continue;
        const prefix = `bodyTypes.${type}.`;
        cells.push({
          municipalityId: set.municipality_id,
          municipalityName: names.get(set.municipality_id) ?? '',
          bodyType: type,
          decisionReference: set.decision_reference,
          version: set.version,
          remoteAllowed: rules.remoteParticipation.allowed,
          excludedItemKinds: rules.excludedItemKinds,
          equalTerms: rules.equalTerms,
          maxRemoteParticipants: rules.maxRemoteParticipants,
          approvedPlatforms: rules.approvedPlatforms,
          breakoutPolicy: rules.breakoutRooms?.enabled
            ? `${rules.breakoutRooms.minutesBefore}/${rules.breakoutRooms.minutesAfter} min${rules.breakoutRooms.duringRecesses ? ', ajournering' : ''}`
            : 'off',
          deviations: diffs
            .filter((d) => d.path.startsWith(prefix))
            .map((d) => ({
              field: d.path.slice(prefix.length),
              change: d.change,
              templateValue: JSON.stringify(d.templateValue),
              municipalValue: JSON.stringify(d.municipalValue),
            })),
        });
      }
    }
    return cells;
  }

  /**
   * Licence cost per year: for each body type whose rules allow remote participation and name
   * a priced platform, the people on that body type × the cheapest named price. Someone on two
   * body types counts on each (an upper bound); suppressed seat counts make no estimate.
   */
  async licenceEstimates(onDate: string): Promise<Map<string, { cost: number | null; platforms: string[] }>> {
    const em = await this.db.manager();
    const catalog = await this.regional.catalog();
    const priced = new Map(catalog.filter((p) => p.licenceCostSekPerUserYear).map((p) => [p.key, p.licenceCostSekPerUserYear!]));
    const sets: { municipality_id: string; content: RuleSetContent }[] = await em.query('select municipality_id, content from regional_rule_sets($1::date)', [
      onDate,
    ]);
    const seats: { municipality_id: string; body_kind: string; people: string | null }[] = await em.query('select * from regional_seat_counts()');
    const out = new Map<string, { cost: number | null; platforms: string[] }>();
    for (const set of sets) {
      let cost: number | null = 0;
      const platforms = new Set<string>();
      for (const type of BODY_TYPES) {
        const rules = set.content.bodyTypes[type];
        if (!rules?.remoteParticipation.allowed || !rules.approvedPlatforms) continue;
        const prices = rules.approvedPlatforms.filter((k) => priced.has(k));
        if (!prices.length) continue;
        const cheapest = prices.sort((a, b) => priced.get(a)! - priced.get(b)!)[0]!;
        platforms.add(cheapest);
        const people = seats.find((s) => s.municipality_id === set.municipality_id && s.body_kind === type);
        if (!people) continue;
        if (people.people === null || cost === null) cost = null;
        else cost += Number(people.people) * priced.get(cheapest)!;
      }
      if (platforms.size) out.set(set.municipality_id, { cost, platforms: [...platforms] });
    }
    return out;
  }

  async threshold(): Promise<number> {
    const em = await this.db.manager();
    const rows: { t: number }[] = await em.query('select suppression_threshold as t from region where id = app_current_region()');
    return rows[0]?.t ?? 3;
  }
}

/** A share whose numerator or denominator is a small count is suppressed like the count itself. */
function share(part: number, whole: number, threshold: number): Figure {
  if (whole === 0) return { value: null, suppressed: false, display: '–' };
  if (whole < threshold || (part > 0 && part < threshold) || (whole - part > 0 && whole - part < threshold)) return figure(null, threshold);
  return figure(Math.round((part / whole) * 10000) / 10000, threshold);
}
