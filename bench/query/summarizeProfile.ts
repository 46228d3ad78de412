/** A CPU profile (`.cpuprofile`) summed up: self time by package and by function, inclusive time of chosen frames. */
import * as fs from 'fs';
import * as path from 'path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

/** Self time per function and per package, and inclusive time of a few frames of interest. */
export function summarizeProfile(file: string, top = 40): void {
  const prof = JSON.parse(fs.readFileSync(file, 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  const self = new Map<number, number>();
  prof.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const pkgOf = (url: string) => {
    if (!url) return '(native)';
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
    if (m) return m[1];
    if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/')[0];
    const s = /\/(src|bench)\/(.*)$/.exec(url);
    return s ? `${s[1]}/${s[2]}` : url;
  };
  const byFn = new Map<string, number>();
  const byPkg = new Map<string, number>();
  for (const n of prof.nodes) {
    const t = self.get(n.id) ?? 0;
    if (!t) continue;
    const key = `${n.callFrame.functionName || '(anonymous)'} ${pkgOf(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
    byFn.set(key, (byFn.get(key) ?? 0) + t);
    const pkg = pkgOf(n.callFrame.url);
    byPkg.set(pkg, (byPkg.get(pkg) ?? 0) + t);
  }
  const pct = (t: number) => ((100 * t) / total).toFixed(1).padStart(5) + '%';
  const out: string[] = [`\n${path.basename(file)}: ${(total / 1e6).toFixed(1)} s sampled`, 'self time by package:'];
  for (const [k, t] of [...byPkg].sort((a, b) => b[1] - a[1]).slice(0, 25)) out.push(`  ${pct(t)}  ${k}`);
  out.push('self time by function:');
  for (const [k, t] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, top)) out.push(`  ${pct(t)}  ${k}`);

  // inclusive time of frames whose name or file matches a pattern
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const inclusive = new Map<number, number>();
  const incl = (id: number): number => {
    const hit = inclusive.get(id);
    if (hit !== undefined) return hit;
    const n = byId.get(id)!;
    const t = (self.get(id) ?? 0) + (n.children ?? []).reduce((a, c) => a + incl(c), 0);
    inclusive.set(id, t);
    return t;
  };
  const patterns = (process.env.KG_PROF_FRAMES ?? '').split(',').filter(Boolean);
  if (patterns.length) {
    out.push('inclusive time of frames (outermost occurrences):');
    for (const p of patterns) {
      let t = 0;
      const walk = (id: number, inside: boolean) => {
        const n = byId.get(id)!;
        const match = !inside && `${n.callFrame.functionName} ${n.callFrame.url}`.includes(p);
        if (match) t += incl(id);
        for (const c of n.children ?? []) walk(c, inside || match);
      };
      walk(prof.nodes[0].id, false);
      out.push(`  ${pct(t)}  ${p}`);
    }
  }
  process.stdout.write(out.join('\n') + '\n');
}
