import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { FastifyRequest } from 'fastify';
import { forbidden, unauthenticated } from '../common/app-error.js';
import { currentStore } from '../common/request-context.js';
import type { Role } from './actor.js';
import { AuthService } from './auth.service.js';
import { PUBLIC_KEY, ROLES_KEY } from './roles.decorator.js';

/** Global: every resolver and route is closed unless marked @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets);
    const store = currentStore();
    if (!store.actor) {
      const request = requestOf(ctx);
      const actor = await this.auth.authenticate(request.headers.authorization).catch((err) => {
        if (isPublic) return undefined;
        throw err;
      });
      if (actor) store.actor = actor;
    }
    if (isPublic) return true;
    const actor = store.actor;
    if (!actor) throw unauthenticated();
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.some((r) => actor.roles.includes(r))) {
      throw forbidden(
        actor.tenantId ? 'Din roll ger inte behörighet till detta.' : 'Regionala samordnare ser kommunernas uppgifter bara genom det kommunerna delar.',
      );
    }
    return true;
  }
}

function requestOf(ctx: ExecutionContext): FastifyRequest {
  if (ctx.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(ctx).getContext<{ request: FastifyRequest }>().request;
  }
  return ctx.switchToHttp().getRequest<FastifyRequest>();
}
