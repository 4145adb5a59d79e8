import { describe, it } from '@jest/globals';
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROLES } from '@motesplats/api/auth/actor.js';
import { actorFromClaims, type Directory } from '@motesplats/api/auth/claims.js';
import { DEV_CLIENT_ID, DEV_REALM } from '@motesplats/api/auth/dev-keycloak.js';
import { realmPublicKeyOf, signKeycloakToken } from '@motesplats/api/auth/keycloak-token.js';
import { TokenVerifier } from '@motesplats/api/auth/token-verifier.js';
import { REPO_ROOT } from '@motesplats/api/config/app-config.js';
import { DEMO_MUNICIPALITIES, DEMO_REGION } from '@motesplats/api/seed/demo-region.js';
import { loadModule } from './lib/terraform.js';

const sorted = (xs: Iterable<string>) => [...xs].sort();

/** The realm as the JSON export (compose, people without Terraform) describes it. */
function exported() {
  const realm = JSON.parse(readFileSync(join(REPO_ROOT, 'infra/keycloak/realm-motesplats.json'), 'utf8'));
  const client = realm.clients.find((c: { clientId: string }) => c.clientId === DEV_CLIENT_ID);
  return {
    realm: realm.realm as string,
    organizationsEnabled: realm.organizationsEnabled as boolean,
    signature: realm.defaultSignatureAlgorithm as string,
    roles: sorted(realm.roles.realm.map((r: { name: string }) => r.name)),
    clientIds: sorted(realm.clients.map((c: { clientId: string }) => c.clientId)),
    publicClient: client?.publicClient as boolean,
    pkce: client?.attributes?.['pkce.code.challenge.method'] as string,
    audience: client?.protocolMappers.find((m: { protocolMapper: string }) => m.protocolMapper === 'oidc-audience-mapper')?.config as Record<string, string>,
    scopes: client?.defaultClientScopes as string[],
    organizations: sorted(realm.organizations.map((o: { alias: string }) => o.alias)),
    domains: Object.fromEntries(realm.organizations.map((o: { alias: string; domains: { name: string }[] }) => [o.alias, o.domains.map((d) => d.name)])),
  };
}

/** The realm as infra/terraform/modules/keycloak-realm declares it. */
async function terraform() {
  const mod = await loadModule(join(REPO_ROOT, 'infra/terraform/modules/keycloak-realm'));
  const realm = mod.resources.keycloak_realm!.this as Record<string, unknown>;
  const client = mod.resources.keycloak_openid_client!.admin as Record<string, unknown>;
  const mapper = mod.resources.keycloak_openid_audience_protocol_mapper!.api_audience as Record<string, unknown>;
  const scopes = mod.resources.keycloak_openid_client_default_scopes!.admin as Record<string, unknown>;
  const orgs = mod.locals.organizations as Record<string, { name: string; domain: string }>;
  return {
    realmName: mod.variables.realm_name!.default as string,
    realm,
    clientId: mod.variables.admin_client_id!.default as string,
    client,
    mapper,
    scopes: scopes.default_scopes as string[],
    roles: sorted(Object.keys(mod.locals.realm_roles as object)),
    roleResource: mod.resources.keycloak_role!.realm as Record<string, unknown>,
    organizations: sorted(Object.keys(orgs)),
    domains: Object.fromEntries(Object.entries(orgs).map(([alias, o]) => [alias, [o.domain]])),
    organizationResource: mod.resources.keycloak_organization!.this as Record<string, unknown>,
  };
}

/** What the API accepts: its roles, its client id, and the aliases its directory resolves. */
const api = {
  roles: sorted(ROLES),
  clientId: DEV_CLIENT_ID,
  organizations: sorted([DEMO_REGION.slug, ...DEMO_MUNICIPALITIES.map((m) => m.slug)]),
};
const directory: Directory = (alias) =>
  alias === DEMO_REGION.slug
    ? { tenantId: null, regionId: 'region' }
    : DEMO_MUNICIPALITIES.some((m) => m.slug === alias)
      ? { tenantId: `tenant-${alias}`, regionId: 'region' }
      : undefined;

describe('the Keycloak realm', () => {
  it('export has exactly the roles, client and organizations the API expects', () => {
    const realm = exported();
    assert.equal(realm.realm, DEV_REALM);
    assert.deepEqual(realm.roles, api.roles);
    assert.deepEqual(realm.clientIds, [api.clientId]);
    assert.deepEqual(realm.organizations, api.organizations);
    assert.equal(realm.organizationsEnabled, true);
    assert.equal(realm.signature, 'RS256');
    assert.equal(realm.publicClient, true);
    assert.equal(realm.pkce, 'S256');
    assert.equal(realm.audience['included.client.audience'], api.clientId);
    assert.equal(realm.audience['access.token.claim'], 'true');
    for (const scope of ['roles', 'organization']) assert.ok(realm.scopes.includes(scope), scope);
  });

  it('in Terraform agrees with the export', async () => {
    const tf = await terraform();
    const realm = exported();
    assert.equal(tf.realmName, realm.realm);
    assert.equal(tf.clientId, api.clientId);
    assert.deepEqual(tf.roles, realm.roles);
    assert.deepEqual(tf.organizations, realm.organizations);
    assert.deepEqual(tf.domains, realm.domains);
    assert.deepEqual(sorted(tf.scopes), sorted(realm.scopes));
    assert.equal(tf.realm.organizations_enabled, true);
    assert.equal(tf.realm.default_signature_algorithm, realm.signature);
    assert.equal(tf.client.client_id, '${var.admin_client_id}');
    assert.equal(tf.client.access_type, 'PUBLIC');
    assert.equal(tf.client.pkce_code_challenge_method, realm.pkce);
    assert.equal(tf.mapper.client_id, '${keycloak_openid_client.admin.id}');
    assert.equal(tf.mapper.included_client_audience, '${keycloak_openid_client.admin.client_id}');
    assert.equal(tf.mapper.add_to_access_token, true);
    // The resources are made from those locals, one per entry.
    assert.equal(tf.roleResource.for_each, '${local.realm_roles}');
    assert.equal(tf.roleResource.name, '${each.key}');
    assert.equal(tf.organizationResource.for_each, '${local.organizations}');
    assert.equal(tf.organizationResource.alias, '${each.key}');
  });

  it('issues tokens the API accepts: audience and issuer verified, every organization resolves, every role is usable', async () => {
    const realm = exported();
    const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const settings = { url: 'https://login.example.se', realm: realm.realm, clientId: api.clientId, realmPublicKey: realmPublicKeyOf(keys.publicKey) };
    const verifier = new TokenVerifier(settings);
    const iss = `${settings.url}/realms/${realm.realm}`;
    const aud = [realm.audience['included.client.audience']!, 'account'];
    for (const alias of realm.organizations) {
      const roles = alias === DEMO_REGION.slug ? ['coordinator'] : realm.roles.filter((r) => r !== 'coordinator');
      const token = signKeycloakToken(keys.privateKey, {
        iss,
        aud,
        azp: api.clientId,
        sub: `u-${alias}`,
        realm_access: { roles },
        organization: { [alias]: { id: `org-${alias}` } },
      });
      const claims = await verifier.verify(token);
      const actor = actorFromClaims(claims, api.clientId, directory);
      assert.deepEqual(sorted(actor.roles), sorted(roles), alias);
    }
    // Without the audience mapper's claim the API refuses the token.
    const noAudience = signKeycloakToken(keys.privateKey, {
      iss,
      aud: ['account'],
      azp: api.clientId,
      sub: 'u',
      realm_access: { roles: ['secretary'] },
      organization: ['uddevalla'],
    });
    await assert.rejects(verifier.verify(noAudience));
    // An organization the realm does not have is not a tenant.
    assert.throws(() => actorFromClaims({ sub: 'u', organization: ['goteborg'], realm_access: { roles: ['secretary'] } } as never, api.clientId, directory));
  });
});
