import { Global, Module } from '@nestjs/common';
import { DirectoryService } from './directory.service.js';
import { MunicipalitySettingsResolver } from './municipality-settings.resolver.js';
import { MunicipalitySettingsService } from './municipality-settings.service.js';
import { TenancyResolver } from './tenancy.resolver.js';

@Global()
@Module({
  providers: [DirectoryService, TenancyResolver, MunicipalitySettingsService, MunicipalitySettingsResolver],
  exports: [DirectoryService, MunicipalitySettingsService],
})
export class TenancyModule {}
