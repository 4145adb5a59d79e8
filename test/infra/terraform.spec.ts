import { describe, it } from '@jest/globals';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '@cdktf/hcl2json';
import { REPO_ROOT } from '@motesplats/api/config/app-config.js';
import { checkModule, isSecretName, loadModule, terraformDirs } from './lib/terraform.js';

const TERRAFORM = join(REPO_ROOT, 'infra/terraform');
const FIXTURES = join(REPO_ROOT, 'test/infra/fixtures/terraform');

describe('infra/terraform', () => {
  it('parses every .tf file (HashiCorp HCL parser)', async () => {
    const dirs = terraformDirs(TERRAFORM);
    assert.deepEqual(
      dirs.map((d) => d.slice(TERRAFORM.length + 1)),
      ['environments/production', 'environments/staging', 'modules/keycloak-realm', 'modules/kubernetes-app'],
    );
    for (const dir of dirs) {
      const mod = await loadModule(dir);
      assert.ok(mod.files.length > 0, dir);
    }
  });

  it('declares every variable it uses, calls modules with exactly their variables, uses only their outputs, and gives no secret a default', async () => {
    const problems: string[] = [];
    for (const dir of terraformDirs(TERRAFORM)) problems.push(...(await checkModule(await loadModule(dir), REPO_ROOT)));
    assert.deepEqual(problems, []);
  });

  it('has both environments call the realm and the Kubernetes modules', async () => {
    for (const env of ['staging', 'production']) {
      const mod = await loadModule(join(TERRAFORM, 'environments', env));
      assert.equal(mod.modules.realm?.source, '../../modules/keycloak-realm', env);
      assert.equal(mod.modules.app?.source, '../../modules/kubernetes-app', env);
      // Every secret of an environment is a sensitive variable, supplied at apply time.
      for (const [name, v] of Object.entries(mod.variables)) if (isSecretName(name)) assert.equal(v.sensitive, true, `${env}: ${name}`);
    }
  });

  it('runs the migration job before the deployments, which run with migrations off and a hash-tagged queue prefix', async () => {
    const app = await loadModule(join(TERRAFORM, 'modules/kubernetes-app'));
    const job = app.resources.kubernetes_job_v1!.migrate as any;
    assert.deepEqual(job.spec[0].template[0].spec[0].container[0].command, ['node', 'apps/api/dist/migrate.js']);
    assert.equal(job.wait_for_completion, true);
    const deployment = app.resources.kubernetes_deployment_v1!.this as any;
    assert.deepEqual(deployment.depends_on, ['${kubernetes_job_v1.migrate}']);
    assert.match(JSON.stringify(app.locals.common_env), /MIGRATE_ON_START/);
    assert.equal(app.variables.queue_prefix!.default, '{motesplats}');
    const workloads = JSON.stringify(app.locals.workloads);
    assert.match(workloads, /apps\/api\/dist\/main\.js/);
    assert.match(workloads, /apps\/api\/dist\/worker\.js/);
    for (const type of [
      'kubernetes_horizontal_pod_autoscaler_v2',
      'kubernetes_pod_disruption_budget_v1',
      'kubernetes_ingress_v1',
      'kubernetes_network_policy_v1',
      'kubernetes_secret_v1',
    ]) {
      assert.ok(app.resources[type], `${type} is declared`);
    }
  });
});

describe('the Terraform checks themselves', () => {
  it('fail on a module call with an unknown argument, a missing variable, an undeclared var, an unknown output and a secret default', async () => {
    const problems = await checkModule(await loadModule(join(FIXTURES, 'broken')), REPO_ROOT);
    const where = 'test/infra/fixtures/terraform/broken';
    assert.deepEqual(problems.sort(), [
      `${where}: module "app" leaves out required variable "api_token" of ./child`,
      `${where}: module "app" leaves out required variable "image" of ./child`,
      `${where}: module "app" passes "image_name", which ./child does not declare`,
      `${where}: module "app" passes "replicas", which ./child does not declare`,
      `${where}: module.app.url is not an output of ./child`,
      `${where}: var.image is not declared`,
      `${where}: variable "db_password" is a secret and must not have a default`,
    ]);
  });

  it('fail on a file that does not parse', async () => {
    await assert.rejects(parse('broken.tf', 'variable "x" {\n  type = string\n'), /Unclosed configuration block/);
    const ok = await parse('fine.tf', readFileSync(join(TERRAFORM, 'modules/keycloak-realm/outputs.tf'), 'utf8'));
    assert.ok(ok.output);
  });

  it('tell secret names by whole words', () => {
    for (const name of ['db_password', 'jitsi_app_secret', 'api_token', 'signing_key', 'identity_provider_secrets']) assert.ok(isSecretName(name), name);
    for (const name of ['keycloak_url', 'keycloak_terraform_client_id', 'monitoring_namespace', 'queue_prefix']) assert.ok(!isSecretName(name), name);
  });
});
