import { Global, Module } from '@nestjs/common';
import { DirectoryService } from './directory.service.js';
import { TenancyResolver } from './tenancy.resolver.js';

@Global()
@Module({ providers: [DirectoryService, TenancyResolver], exports: [DirectoryService] })
export class TenancyModule {}
