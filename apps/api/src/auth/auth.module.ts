import { Global, Module } from '@nestjs/common';
import { AuthService } from './auth.service.js';

/** Global, so that the GraphQL set-up can ask who is signed in before a resolver's guard runs. */
@Global()
@Module({ providers: [AuthService], exports: [AuthService] })
export class AuthModule {}
