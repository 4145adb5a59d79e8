import { Controller, Get, Header } from '@nestjs/common';
import { MUNICIPAL_READERS } from '../auth/actor.js';
import { Roles } from '../auth/roles.decorator.js';
import { CompletionCsvService } from './completion-csv.service.js';

/** CSV exports are plain HTTP (bearer token as for GraphQL); the file re-imports as it is. */
@Controller('training')
export class TrainingExportController {
  constructor(private readonly csv: CompletionCsvService) {}

  @Roles(...MUNICIPAL_READERS)
  @Get('completions.csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="utbildningar.csv"')
  @Header('cache-control', 'no-store')
  completions(): Promise<string> {
    return this.csv.export();
  }
}
