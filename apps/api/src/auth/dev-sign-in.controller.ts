import { Body, Controller, Get, HttpCode, NotFoundException, Post, UnauthorizedException, BadRequestException, Inject } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { DirectoryService } from '../tenancy/directory.service.js';
import { AuthService } from './auth.service.js';
import { devUsers } from './dev-users.js';
import { signKeycloakToken } from './keycloak-token.js';
import { Public } from './roles.decorator.js';

const TOKEN_SECONDS = 3600;

/** How the admin signs in: Keycloak in production, the local dev realm otherwise. */
@Controller('auth')
export class DevSignInController {
  constructor(
    private readonly auth: AuthService,
    private readonly directory: DirectoryService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get('config')
  signInConfig() {
    if (this.auth.dev) return { mode: 'dev' };
    const k = this.config.keycloak!;
    return { mode: 'keycloak', url: k.url, realm: k.realm, clientId: k.clientId };
  }

  @Public()
  @Get('dev/users')
  users() {
    this.assertDev();
    return this.allUsers().map(({ username, name, municipality, roles }) => ({ username, name, municipality, roles }));
  }

  @Public()
  @Post('dev/token')
  @HttpCode(200)
  token(@Body() body: { username?: unknown }) {
    const dev = this.assertDev();
    if (typeof body?.username !== 'string') throw new BadRequestException('username saknas');
    const user = this.allUsers().find((u) => u.username === body.username);
    if (!user) throw new UnauthorizedException('Okänd demoanvändare');
    const access_token = signKeycloakToken(dev.privateKey, {
      iss: this.auth.verifier.issuer,
      aud: [dev.settings.clientId, 'account'],
      azp: dev.settings.clientId,
      sub: stableId(user.username),
      exp: Math.floor(Date.now() / 1000) + TOKEN_SECONDS,
      preferred_username: user.username,
      name: user.name,
      realm_access: { roles: user.roles },
      organization: { [user.organization]: {} },
    });
    return { access_token, token_type: 'Bearer', expires_in: TOKEN_SECONDS };
  }

  private allUsers() {
    return devUsers(this.directory, this.directory.regions());
  }

  private assertDev() {
    if (!this.auth.dev) throw new NotFoundException();
    return this.auth.dev;
  }
}

function stableId(username: string): string {
  const h = createHash('sha256').update(`dev-user:${username}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
