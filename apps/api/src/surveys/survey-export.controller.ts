import { Controller, Get, Header, Param } from '@nestjs/common';
import { MUNICIPAL_READERS } from '../auth/actor.js';
import { Roles } from '../auth/roles.decorator.js';
import { badInput } from '../common/app-error.js';
import { SurveysService } from './surveys.service.js';

@Controller('surveys')
export class SurveyExportController {
  constructor(private readonly surveys: SurveysService) {}

  @Roles(...MUNICIPAL_READERS, 'coordinator')
  @Get(':id/results.csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="enkat.csv"')
  @Header('cache-control', 'no-store')
  results(@Param('id') id: string): Promise<string> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw badInput('Ogiltig enkät.');
    return this.surveys.csv(id);
  }
}
