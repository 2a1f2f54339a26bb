/**
 * Which chunks a first visit to a screen downloads, read from the bundle's import graph: the entry chunk, the
 * chunks behind the `import()`s that screen makes (its lazy route, the HCP Terraform adapter, the token sign-in
 * page), and everything those import statically.
 */
import type { BundleReport, ChunkReport } from './bundleReportPlugin';

export interface ScreenLoad {
  /** Such as `tfe: team page`. */
  screen: string;
  /** The modules the screen loads with `import()` on its first visit, from the project root. */
  lazyModules: string[];
}

export interface FirstLoad {
  screen: string;
  files: { file: string; gzip: number }[];
  gzip: number;
}

/** The modules each screen's first visit loads on demand, for both flavors of the app. */
export const SCREENS: ScreenLoad[] = [
  { screen: 'terrakube: /settings/tokens', lazyModules: [] },
  { screen: 'terrakube: team page', lazyModules: ['src/features/teams/TeamPage.tsx'] },
  { screen: 'tfe: /settings/tokens', lazyModules: ['src/api/tfe/index.ts'] },
  { screen: 'tfe: team page', lazyModules: ['src/api/tfe/index.ts', 'src/features/teams/TeamPage.tsx'] },
  { screen: 'tfe: token sign-in page', lazyModules: ['src/auth/ApiTokenAuthProvider.tsx'] },
];

function closure(start: ChunkReport[], byFile: Map<string, ChunkReport>): ChunkReport[] {
  const seen = new Set<string>();
  const visit = (chunk: ChunkReport) => {
    if (seen.has(chunk.file)) return;
    seen.add(chunk.file);
    for (const file of chunk.imports) {
      const imported = byFile.get(file);
      if (imported) visit(imported);
    }
  };
  start.forEach(visit);
  return [...seen].map((file) => byFile.get(file)!);
}

export function firstLoads(report: BundleReport, screens: ScreenLoad[] = SCREENS): FirstLoad[] {
  const byFile = new Map(report.chunks.map((chunk) => [chunk.file, chunk]));
  const assetGzip = new Map(report.assets.map((asset) => [asset.file, asset.gzip]));
  const entries = report.chunks.filter((chunk) => chunk.isEntry);
  return screens.map(({ screen, lazyModules }) => {
    const lazy = lazyModules.map((id) => {
      const chunk = report.chunks.find((candidate) => candidate.facade === id);
      if (!chunk) throw new Error(`No chunk is loaded by import('${id}'): is it still imported lazily?`);
      return chunk;
    });
    const chunks = closure([...entries, ...lazy], byFile);
    const css = [...new Set(chunks.flatMap((chunk) => chunk.css))];
    const files = [
      ...chunks.map((chunk) => ({ file: chunk.file, gzip: chunk.gzip })),
      ...css.map((file) => ({ file, gzip: assetGzip.get(file) ?? 0 })),
    ].sort((a, b) => b.gzip - a.gzip);
    return { screen, files, gzip: files.reduce((sum, file) => sum + file.gzip, 0) };
  });
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`.padStart(9);

/** The text summary: chunks by gzip size with their largest sources, then each screen's first load. */
export function summaryText(report: BundleReport, loads: FirstLoad[]): string {
  const lines = ['Chunks (gzip at the default level; modules grouped by package):'];
  for (const chunk of report.chunks) {
    const bySource = new Map<string, number>();
    for (const module of chunk.modules) bySource.set(module.source, (bySource.get(module.source) ?? 0) + module.gzip);
    const top = [...bySource].sort((a, b) => b[1] - a[1]).slice(0, 4);
    const role = chunk.isEntry ? ' [entry]' : chunk.facade ? ` [import() of ${chunk.facade}]` : '';
    lines.push(`${kb(chunk.gzip)}  ${chunk.file}${role}`);
    lines.push(`             ${top.map(([source, gzip]) => `${source} ${(gzip / 1000).toFixed(1)}`).join(', ')}`);
  }
  for (const asset of report.assets.filter((asset) => asset.file.endsWith('.css'))) lines.push(`${kb(asset.gzip)}  ${asset.file}`);
  lines.push('', 'First load by screen (JS + CSS, gzip):');
  for (const load of loads) {
    lines.push(`${kb(load.gzip)}  ${load.screen} (${load.files.length} files)`);
  }
  return lines.join('\n');
}
