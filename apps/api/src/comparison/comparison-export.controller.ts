import { Controller, Get, Header, Query } from '@nestjs/common';
import { BODY_TYPES } from '@motesplats/rules';
import { Roles } from '../auth/roles.decorator.js';
import { badInput } from '../common/app-error.js';
import { ComparisonExportService } from './comparison-export.service.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function period(from?: string, to?: string, bodyKind?: string): [string, string, string | null] {
  if (!from || !to || !ISO_DATE.test(from) || !ISO_DATE.test(to) || from > to) throw badInput('Ange from och to som ÅÅÅÅ-MM-DD.');
  if (bodyKind && !BODY_TYPES.includes(bodyKind as never)) throw badInput('Okänd organtyp.');
  return [from, to, bodyKind || null];
}

/** The comparison as files: plain HTTP with the same bearer token as GraphQL. */
@Controller('comparison')
export class ComparisonExportController {
  constructor(private readonly exports: ComparisonExportService) {}

  @Roles('coordinator')
  @Get('comparison.csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="jamforelse.csv"')
  @Header('cache-control', 'no-store')
  csv(@Query('from') from?: string, @Query('to') to?: string, @Query('bodyKind') bodyKind?: string): Promise<string> {
    return this.exports.csv(...period(from, to, bodyKind));
  }

  @Roles('coordinator')
  @Get('kolada.csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="kolada.csv"')
  @Header('cache-control', 'no-store')
  kolada(@Query('from') from?: string, @Query('to') to?: string, @Query('bodyKind') bodyKind?: string): Promise<string> {
    return this.exports.kolada(...period(from, to, bodyKind));
  }
}
