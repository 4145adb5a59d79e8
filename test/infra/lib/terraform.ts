import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parse } from '@cdktf/hcl2json';

/** One Terraform module: the .tf files of one directory, parsed and merged by block type. */
export interface TfModule {
  dir: string;
  files: string[];
  variables: Record<string, TfVariable>;
  modules: Record<string, Record<string, unknown>>;
  locals: Record<string, unknown>;
  resources: Record<string, Record<string, Record<string, unknown>>>;
  outputs: Record<string, Record<string, unknown>>;
  /** Every parsed block, for reference scans. */
  raw: Record<string, unknown>[];
}

export interface TfVariable {
  type?: string;
  default?: unknown;
  sensitive?: boolean;
  description?: string;
  [key: string]: unknown;
}

/** Arguments every module block may carry that are not the module's variables. */
const META_ARGUMENTS = new Set(['source', 'version', 'providers', 'count', 'for_each', 'depends_on']);

/** Variable names that say "this is a secret": whole words of the snake_case name. */
const SECRET_NAME = /(^|_)(secrets?|passwords?|passwd|tokens?|keys?|credentials?)($|_)/;

/** Directories under root that hold .tf files. */
export function terraformDirs(root: string): string[] {
  const dirs = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      if (entry === '.terraform' || entry === 'node_modules') continue;
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (entry.endsWith('.tf')) dirs.add(dir);
    }
  };
  walk(root);
  return [...dirs].sort();
}

/** Parses every .tf file of dir with HashiCorp's HCL parser (compiled to WebAssembly); throws on a syntax error. */
export async function loadModule(dir: string): Promise<TfModule> {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.tf'))
    .sort();
  const mod: TfModule = { dir, files, variables: {}, modules: {}, locals: {}, resources: {}, outputs: {}, raw: [] };
  for (const file of files) {
    const json = (await parse(join(dir, file), readFileSync(join(dir, file), 'utf8'))) as Record<string, any>;
    mod.raw.push(json);
    for (const [name, blocks] of Object.entries<any[]>(json.variable ?? {})) mod.variables[name] = blocks[0];
    for (const [name, blocks] of Object.entries<any[]>(json.module ?? {})) mod.modules[name] = blocks[0];
    for (const [name, blocks] of Object.entries<any[]>(json.output ?? {})) mod.outputs[name] = blocks[0];
    for (const block of json.locals ?? []) Object.assign(mod.locals, block);
    for (const [type, byName] of Object.entries<Record<string, any[]>>(json.resource ?? {})) {
      mod.resources[type] ??= {};
      for (const [name, blocks] of Object.entries(byName)) mod.resources[type][name] = blocks[0];
    }
  }
  return mod;
}

/** Matches of a reference pattern anywhere in the module's expressions (descriptions are prose, not code). */
function references(mod: TfModule, pattern: RegExp): RegExpMatchArray[] {
  const found: RegExpMatchArray[] = [];
  const visit = (value: unknown, key?: string) => {
    if (key === 'description') return;
    if (typeof value === 'string') found.push(...value.matchAll(pattern));
    else if (Array.isArray(value)) value.forEach((v) => visit(v));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, k);
  };
  mod.raw.forEach((r) => visit(r));
  return found;
}

/** `var.<name>` references. */
export function variableReferences(mod: TfModule): Set<string> {
  return new Set(references(mod, /(?<![\w.])var\.([A-Za-z_][A-Za-z0-9_-]*)/g).map((m) => m[1]!));
}

/**
 * What is wrong with a module, as sentences: undeclared variables, module calls whose
 * arguments are not the called module's variables (or leave a required one out), references
 * to outputs a called module does not have, and secrets with a default value. Local module sources are loaded and checked against.
 */
export async function checkModule(mod: TfModule, root = process.cwd()): Promise<string[]> {
  const problems: string[] = [];
  const where = relative(root, mod.dir) || '.';
  for (const name of variableReferences(mod)) {
    if (!(name in mod.variables)) problems.push(`${where}: var.${name} is not declared`);
  }
  for (const [name, v] of Object.entries(mod.variables)) {
    if ('default' in v && (v.sensitive === true || SECRET_NAME.test(name))) {
      problems.push(`${where}: variable "${name}" is a secret and must not have a default`);
    }
  }
  for (const [call, block] of Object.entries(mod.modules)) {
    const source = String(block.source ?? '');
    if (!source.startsWith('./') && !source.startsWith('../')) continue;
    const childDir = resolve(mod.dir, source);
    if (!existsSync(childDir)) {
      problems.push(`${where}: module "${call}" has no source at ${source}`);
      continue;
    }
    const child = await loadModule(childDir);
    for (const m of references(mod, new RegExp(`(?<![\\w.])module\\.${call}\\.([A-Za-z_][A-Za-z0-9_-]*)`, 'g'))) {
      if (!(m[1]! in child.outputs)) problems.push(`${where}: module.${call}.${m[1]} is not an output of ${source}`);
    }
    const args = Object.keys(block).filter((k) => !META_ARGUMENTS.has(k));
    for (const arg of args) {
      if (!(arg in child.variables)) problems.push(`${where}: module "${call}" passes "${arg}", which ${source} does not declare`);
    }
    for (const [name, v] of Object.entries(child.variables)) {
      if (!('default' in v) && !args.includes(name)) problems.push(`${where}: module "${call}" leaves out required variable "${name}" of ${source}`);
    }
  }
  return problems;
}

export const isSecretName = (name: string) => SECRET_NAME.test(name);
