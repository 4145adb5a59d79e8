// Self time per package and per function from a V8 .cpuprofile (node --cpu-prof, or
// scripts/profile-admin-query.mjs). With a second argument, a regular expression: inclusive time
// (self and everything called) of the matching functions instead.
//   node scripts/profile-summary.mjs out.cpuprofile ['typeorm|nestjs']
import { readFileSync } from 'node:fs';

const profile = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const self = new Map();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const total = [...self.values()].reduce((a, b) => a + b, 0);
const packageOf = (url) => {
  if (!url) return undefined;
  const dep = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (dep) return dep[1];
  if (url.startsWith('node:')) return url;
  return url.match(/\/((?:apps|libs)\/[^/]+\/dist\/[^/]+|bench\/dist)/)?.[1] ?? url;
};
const nameOf = ({ functionName, url, lineNumber }) => `${functionName || '(anonymous)'} ${packageOf(url) ?? '(native)'}:${lineNumber}`;
const add = (m, k, t) => m.set(k, (m.get(k) ?? 0) + t);
const top = (m, k) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, k)
    .map(([n, t]) => `${((100 * t) / total).toFixed(1).padStart(5)}%  ${n}`)
    .join('\n');

if (process.argv[3]) {
  const pattern = new RegExp(process.argv[3]);
  const inclusive = new Map();
  for (const [id, t] of self) {
    const seen = new Set();
    for (let x = id; x; x = parent.get(x)) seen.add(nameOf(nodes.get(x).callFrame));
    for (const k of seen) if (pattern.test(k)) add(inclusive, k, t);
  }
  console.log(`total ${(total / 1e6).toFixed(1)} s, inclusive\n${top(inclusive, 40)}`);
} else {
  const byFunction = new Map();
  const byPackage = new Map();
  for (const [id, t] of self) {
    const frame = nodes.get(id).callFrame;
    add(byFunction, nameOf(frame), t);
    add(byPackage, packageOf(frame.url) ?? frame.functionName, t);
  }
  console.log(`total ${(total / 1e6).toFixed(1)} s, self time\n-- by package --\n${top(byPackage, 30)}\n-- by function --\n${top(byFunction, 45)}`);
}
