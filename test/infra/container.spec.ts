import { describe, it } from '@jest/globals';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { REPO_ROOT } from '@motesplats/api/config/app-config.js';
import { imageFacts, runsAsRoot } from './lib/dockerfile.js';

const read = (path: string) => readFileSync(join(REPO_ROOT, path), 'utf8');

describe('the container image (Dockerfile)', () => {
  const facts = imageFacts(read('Dockerfile'));

  it('builds in one stage and runs from a second one, as a non-root user', () => {
    assert.deepEqual(facts.stages, ['build', 'runtime']);
    assert.equal(runsAsRoot(facts), false, `runs as ${facts.user}`);
    assert.match(facts.user!, /^[1-9][0-9]*(:[1-9][0-9]*)?$/, 'a numeric uid, so Kubernetes runAsNonRoot can verify it');
    // Nothing after the USER switches back.
    const last = facts.final.map((i) => i.keyword).lastIndexOf('USER');
    assert.ok(facts.final.slice(last + 1).every((i) => i.keyword !== 'RUN'));
  });

  it('installs only production dependencies in the final stage and copies compiled output, no sources', () => {
    const installs = facts.final.filter((i) => i.keyword === 'RUN' && /npm ci/.test(i.args));
    assert.equal(installs.length, 1);
    assert.match(installs[0]!.args, /--omit=dev/);
    const copies = facts.final.filter((i) => i.keyword === 'COPY').map((i) => i.args);
    for (const dist of ['libs/rules/dist', 'apps/api/dist', 'apps/admin/dist'])
      assert.ok(
        copies.some((c) => c.startsWith(`/src/${dist}`)),
        dist,
      );
    assert.ok(!copies.some((c) => /(^|\s)(apps\/api|libs\/rules)(\s|$)/.test(c)), 'no source directories');
  });

  it('runs the API by default, has a liveness health check, and ships the worker and the migration entry points', () => {
    assert.deepEqual(facts.cmd, ['node', 'apps/api/dist/main.js']);
    assert.match(facts.healthcheck ?? '', /\/health\/live/);
    for (const entry of ['main', 'worker', 'migrate']) assert.ok(existsSync(join(REPO_ROOT, `apps/api/src/${entry}.ts`)), entry);
  });

  it('the non-root check fails on an image that ends as root', () => {
    assert.equal(runsAsRoot(imageFacts('FROM node:20\nUSER node\nRUN id\nUSER root\nCMD ["node"]\n')), true);
    assert.equal(runsAsRoot(imageFacts('FROM node:20\nUSER 0:0\n')), true);
    assert.equal(runsAsRoot(imageFacts('FROM node:20 AS a\nUSER node\nFROM node:20\nCMD ["node"]\n')), true, 'a USER in an earlier stage does not count');
    assert.equal(runsAsRoot(imageFacts('FROM node:20\nUSER \\\n  10001\n')), false);
  });
});

describe('compose.yaml (the local stack)', () => {
  const compose = parseYaml(read('compose.yaml'), { merge: true }) as { services: Record<string, any> };
  const realm = JSON.parse(read('infra/keycloak/realm-motesplats.json'));
  const services = compose.services;

  it('has Keycloak, PostgreSQL, Redis, Mailpit, a one-shot migration and the API and worker from one image', () => {
    assert.deepEqual(Object.keys(services).sort(), ['api', 'keycloak', 'mailpit', 'migrate', 'postgres', 'redis', 'worker']);
    assert.deepEqual(services.api.command, ['node', 'apps/api/dist/main.js']);
    assert.deepEqual(services.worker.command, ['node', 'apps/api/dist/worker.js']);
    assert.deepEqual(services.migrate.command, ['node', 'apps/api/dist/migrate.js']);
    assert.equal(services.api.image, services.worker.image);
    assert.equal(services.api.image, services.migrate.image);
    for (const s of ['api', 'worker']) {
      assert.equal(services[s].depends_on.migrate.condition, 'service_completed_successfully', s);
      assert.equal(services[s].environment.MIGRATE_ON_START, 'false', s);
      assert.match(services[s].healthcheck.test.join(' '), /\/health'/, s);
    }
    assert.equal(services.api.environment.RUN_WORKERS, 'false');
  });

  it('imports the realm export into Keycloak and points the API at that realm and client', () => {
    assert.ok(services.keycloak.command.includes('--import-realm'));
    assert.ok(services.keycloak.volumes.some((v: string) => v.startsWith('./infra/keycloak/realm-motesplats.json:/opt/keycloak/data/import/')));
    const env = services.api.environment;
    assert.equal(env.KEYCLOAK_REALM, realm.realm);
    assert.ok(realm.clients.some((c: { clientId: string }) => c.clientId === env.KEYCLOAK_CLIENT_ID));
    assert.equal(env.KEYCLOAK_URL, services.keycloak.environment.KC_HOSTNAME, 'one issuer for the browser and the API');
    const client = realm.clients.find((c: { clientId: string }) => c.clientId === env.KEYCLOAK_CLIENT_ID);
    assert.ok(client.redirectUris.includes(`${env.PUBLIC_URL}/admin/*`));
    assert.match(env.SMTP_URL, /^smtp:\/\/mailpit:/);
    assert.match(env.QUEUE_PREFIX, /^\{[^{}]+\}$/);
  });
});
