import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { unauthenticated } from '../common/app-error.js';
import { DirectoryService } from '../tenancy/directory.service.js';
import type { Actor } from './actor.js';
import { actorFromClaims, ClaimsError } from './claims.js';
import { devKeycloak, type DevKeycloak } from './dev-keycloak.js';
import { InvalidTokenError, TokenVerifier } from './token-verifier.js';

@Injectable()
export class AuthService {
  readonly verifier: TokenVerifier;
  /** Present only outside production when no Keycloak is configured. */
  readonly dev?: DevKeycloak;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly directory: DirectoryService,
  ) {
    if (config.keycloak) {
      this.verifier = new TokenVerifier(config.keycloak);
    } else {
      this.dev = devKeycloak(config);
      this.verifier = new TokenVerifier(this.dev.settings);
    }
  }

  /** The actor behind an Authorization header; undefined when there is none. */
  async authenticate(authorization: string | undefined): Promise<Actor | undefined> {
    if (!authorization) return undefined;
    const [scheme, token] = authorization.split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) throw unauthenticated('Ange en Bearer-token.');
    try {
      const claims = await this.verifier.verify(token);
      return actorFromClaims(claims, this.verifier.settings.clientId, (alias) => this.directory.resolve(alias));
    } catch (err) {
      if (err instanceof InvalidTokenError) throw unauthenticated(`Ogiltig inloggning (${err.message}). Logga in igen.`);
      if (err instanceof ClaimsError) throw unauthenticated(err.message);
      throw err;
    }
  }
}
