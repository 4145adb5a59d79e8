// Jest transform for the admin's TypeScript/TSX tests. The admin is bundled by Vite and
// has no tsc output of its own, so its tests are transpiled here with the TypeScript
// compiler already in the workspace (no type check; `typecheck` does that) to CommonJS,
// which lets Jest load react-admin's CommonJS build in jsdom.
const ts = require('typescript');
const { createHash } = require('node:crypto');

// What Vite puts on import.meta.env, as seen by a test build served from the API.
const VITE_ENV = JSON.stringify({ BASE_URL: '/admin/', MODE: 'test', DEV: false, PROD: true, SSR: false });

module.exports = {
  getCacheKey(source, path) {
    return createHash('sha256').update(ts.version).update(VITE_ENV).update(path).update(source).digest('hex');
  },
  process(source, path) {
    const { outputText, sourceMapText } = ts.transpileModule(source.replace(/\bimport\.meta\.env\b/g, `(${VITE_ENV})`), {
      fileName: path,
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        jsx: ts.JsxEmit.ReactJSX,
        esModuleInterop: true,
        sourceMap: true,
        inlineSources: true,
      },
    });
    return { code: outputText.replace(/\/\/# sourceMappingURL=.*$/m, ''), map: sourceMapText };
  },
};
