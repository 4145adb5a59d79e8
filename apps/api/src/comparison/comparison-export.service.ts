import { Injectable } from '@nestjs/common';
import { safeCsv } from '../common/csv-safe.js';
import type { Figure } from '../common/figure.model.js';
import type { ComparisonRow } from './comparison.model.js';
import { ComparisonService } from './comparison.service.js';

/**
 * Mötesplats' own key figures in Kolada's layout (KPI id, municipality code, period = year,
 * gender T for total), so coordinators can join them with Kolada's. The ids are ours ("MP…"),
 * not RKA's: Kolada has no figures for remote participation.
 */
export const KOLADA_KPIS: { id: string; title: string; pick: (r: ComparisonRow) => Figure | null; scale?: number }[] = [
  { id: 'MP0001', title: 'Sammanträden hållna', pick: (r) => r.meetingsHeld },
  { id: 'MP0002', title: 'Andel deltagande på distans, %', pick: (r) => r.remoteShare, scale: 100 },
  { id: 'MP0003', title: 'Incidenter per 10 sammanträden', pick: (r) => r.incidentsPer10Meetings },
  { id: 'MP0004', title: 'Förlorade minuter', pick: (r) => r.minutesLost },
  { id: 'MP0005', title: 'Genomsnittligt betyg (1–5)', pick: (r) => r.averageRating },
  { id: 'MP0006', title: 'Utbildningstäckning, %', pick: (r) => r.trainingCoverage, scale: 100 },
];

@Injectable()
export class ComparisonExportService {
  constructor(private readonly comparison: ComparisonService) {}

  async csv(from: string, to: string, bodyKind: string | null): Promise<string> {
    const c = await this.comparison.compare(from, to, bodyKind);
    const cell = (f: Figure | null) => (f ? f.display : 'delas ej');
    return safeCsv(
      [
        'kommun',
        'kommunkod',
        'sammantraden',
        'med_distans',
        'andel_distans',
        'rapporter',
        'incidenter',
        'incidenter_per_10',
        'forlorade_minuter',
        'betyg',
        'stod_rackte',
        'utbildningstackning',
        'licenskostnad_kr_ar',
      ],
      c.rows.map((r) => [
        r.municipalityName,
        r.municipalityCode,
        cell(r.meetingsHeld),
        cell(r.remoteMeetings),
        cell(r.remoteShare),
        cell(r.reports),
        cell(r.incidents),
        cell(r.incidentsPer10Meetings),
        cell(r.minutesLost),
        cell(r.averageRating),
        cell(r.supportSufficientShare),
        cell(r.trainingCoverage),
        r.licenceCostSekPerYear === null ? '' : r.licenceCostSekPerYear,
      ]),
    );
  }

  /** One row per KPI, municipality and calendar year of the period; suppressed and unshared figures are left out. */
  async kolada(from: string, to: string, bodyKind: string | null): Promise<string> {
    const rows: (string | number)[][] = [];
    for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
      const start = year === Number(from.slice(0, 4)) ? from : `${year}-01-01`;
      const end = year === Number(to.slice(0, 4)) ? to : `${year}-12-31`;
      const c = await this.comparison.compare(start, end, bodyKind);
      for (const kpi of KOLADA_KPIS) {
        for (const r of c.rows) {
          const f = kpi.pick(r);
          if (!f || f.value === null) continue;
          rows.push([kpi.id, r.municipalityCode, String(year), 'T', Math.round(f.value * (kpi.scale ?? 1) * 100) / 100]);
        }
      }
    }
    return safeCsv(['kpi', 'municipality', 'period', 'gender', 'value'], rows);
  }
}
