// Jest runs each test file in its own V8 context, but `structuredClone` and `fetch` come
// from Node's outer context, so their results carry the outer context's Object/Array
// prototypes. node:assert/strict's deepEqual compares prototypes and would then fail on
// values that are equal in every way a test means. These wrappers hand back values built
// from this context's intrinsics, as they are in plain Node.
const outerClone = globalThis.structuredClone;
const samples = [{}, [], new Date(0), new Map(), new Set(), /x/, new Error('x')];
const innerPrototypes = new Map(samples.map((s) => [Object.getPrototypeOf(outerClone(s)), Object.getPrototypeOf(s)]));

function toThisRealm(value, seen = new Set()) {
  if (value === null || typeof value !== 'object' || seen.has(value)) return value;
  seen.add(value);
  const inner = innerPrototypes.get(Object.getPrototypeOf(value));
  if (inner) Object.setPrototypeOf(value, inner);
  if (value instanceof Map) {
    for (const [k, v] of value) {
      toThisRealm(k, seen);
      toThisRealm(v, seen);
    }
  } else if (value instanceof Set) for (const v of value) toThisRealm(v, seen);
  else for (const key of Object.keys(value)) toThisRealm(value[key], seen);
  return value;
}

globalThis.structuredClone = (value, options) => toThisRealm(outerClone(value, options));
if (globalThis.Response) {
  globalThis.Response.prototype.json = async function json() {
    return JSON.parse(await this.text());
  };
}
