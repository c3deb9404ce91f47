/**
 * Summarises a V8 `.cpuprofile` (from `node --cpu-prof`): self time per function and per area
 * (a package in node_modules, a Kesu module in dist/src, node internals, GC, idle).
 *
 *   npx tsx bench/lib/cpu-profile.ts bench/results/profiles/kesu-sqlite.cpuprofile [top]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  /** Sampled milliseconds, idle excluded. */
  busyMs: number;
  idleMs: number;
  functions: Array<{ name: string; where: string; area: string; selfMs: number; percent: number }>;
  areas: Array<{ area: string; selfMs: number; percent: number }>;
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function where(frame: CallFrame): string {
  if (!frame.url) return '';
  let file = frame.url.startsWith('file://') ? fileURLToPath(frame.url) : frame.url;
  if (file.startsWith(ROOT)) file = path.relative(ROOT, file);
  return `${file}:${frame.lineNumber + 1}`;
}

function area(frame: CallFrame): string {
  const name = frame.functionName;
  if (name === '(garbage collector)' || name === '(program)' || name === '(idle)') return name;
  const url = frame.url;
  if (!url) return '(native)';
  if (url.startsWith('node:')) return 'node internals';
  const inModules = url.lastIndexOf('/node_modules/');
  if (inModules >= 0) {
    const rest = url.slice(inModules + '/node_modules/'.length).split('/');
    return (rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]) ?? url;
  }
  // Kesu built (dist/src, the server children) or run from source with tsx (the sla-sweep worker).
  const srcRoot = `${pathToFileURL(ROOT).href}/src/`;
  const inDist = url.indexOf('/dist/src/');
  const rest =
    inDist >= 0
      ? url.slice(inDist + '/dist/src/'.length)
      : url.startsWith(srcRoot)
        ? url.slice(srcRoot.length)
        : null;
  if (rest !== null) {
    const parts = rest.split('/');
    return `kesu ${parts.slice(0, -1).join('/') || parts[0]}`;
  }
  return url;
}

export function summariseProfile(file: string, top = 25): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });

  const fnTotals = new Map<string, { name: string; where: string; area: string; us: number }>();
  const areaTotals = new Map<string, number>();
  let idleUs = 0;
  let busyUs = 0;
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node) continue;
    const frame = node.callFrame;
    if (frame.functionName === '(idle)') {
      idleUs += us;
      continue;
    }
    busyUs += us;
    const a = area(frame);
    const key = `${frame.functionName}@${frame.url}:${frame.lineNumber}`;
    const entry = fnTotals.get(key) ?? {
      name: frame.functionName || '(anonymous)',
      where: where(frame),
      area: a,
      us: 0,
    };
    entry.us += us;
    fnTotals.set(key, entry);
    areaTotals.set(a, (areaTotals.get(a) ?? 0) + us);
  }
  const pct = (us: number) => Math.round((1000 * us) / Math.max(busyUs, 1)) / 10;
  const ms = (us: number) => Math.round(us / 100) / 10;
  return {
    busyMs: ms(busyUs),
    idleMs: ms(idleUs),
    functions: [...fnTotals.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, top)
      .map((f) => ({ name: f.name, where: f.where, area: f.area, selfMs: ms(f.us), percent: pct(f.us) })),
    areas: [...areaTotals.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([a, us]) => ({ area: a, selfMs: ms(us), percent: pct(us) })),
  };
}

export function formatProfile(s: ProfileSummary): string[] {
  const lines = [`busy ${s.busyMs} ms (idle ${s.idleMs} ms); self time by area:`];
  for (const a of s.areas)
    lines.push(`  ${a.percent.toFixed(1).padStart(5)}%  ${a.selfMs.toFixed(0).padStart(7)} ms  ${a.area}`);
  lines.push('top functions by self time:');
  for (const f of s.functions)
    lines.push(
      `  ${f.percent.toFixed(1).padStart(5)}%  ${f.selfMs.toFixed(0).padStart(7)} ms  ${f.name}  ${f.where}`,
    );
  return lines;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: tsx bench/lib/cpu-profile.ts <file.cpuprofile> [top]');
    process.exit(2);
  }
  for (const line of formatProfile(summariseProfile(file, Number(process.argv[3] ?? 25)))) console.log(line);
}
