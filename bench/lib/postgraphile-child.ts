// PostGraphile 4 in a process of its own, as a separate server would be. It is built on
// graphql 15 while the API uses 16, and npm installs two copies of 15 (one under postgraphile,
// one under graphile-build-pg); every `graphql` import here resolves to postgraphile's own.
// argv: connection string (the API role), the municipality to bind. Prints the port.
import Module, { createRequire } from 'node:module';
import { createServer } from 'node:http';
import { dirname } from 'node:path';

const require = createRequire(import.meta.url);
const home = dirname(require.resolve('postgraphile/package.json'));
type Resolve = (request: string, parent: unknown, isMain: boolean, options?: { paths?: string[] }) => string;
const mod = Module as unknown as { _resolveFilename: Resolve };
const original = mod._resolveFilename;
mod._resolveFilename = function (request, parent, isMain, options) {
  if (request === 'graphql' || request.startsWith('graphql/')) return original.call(this, request, parent, isMain, { paths: [home] });
  return original.call(this, request, parent, isMain, options);
};

const { postgraphile } = require('postgraphile') as typeof import('postgraphile');
const [connectionString, tenantId] = process.argv.slice(2) as [string, string];
const server = createServer(
  postgraphile(connectionString, 'public', {
    // The tenant as a transaction-local setting, the way the API binds it: the same RLS applies.
    pgSettings: async () => ({ 'app.tenant_id': tenantId }),
    disableDefaultMutations: true,
    disableQueryLog: true,
    ignoreRBAC: false,
    retryOnInitFail: false,
  }),
);
server.listen(0, '127.0.0.1', () => process.stdout.write(`${(server.address() as { port: number }).port}\n`));
