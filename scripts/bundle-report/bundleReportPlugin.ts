/**
 * A build plugin that records what each output chunk holds: its size and gzip size, the modules rendered into it
 * (with the share of the chunk's gzip size each accounts for), what it imports, and the CSS it pulls in. Rolldown
 * hands `generateBundle` every chunk with each module's rendered code, which is all this needs.
 */
import { relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

export interface ModuleReport {
  /** Path from the project root, such as `src/app/App.tsx` or `node_modules/react-dom/cjs/…`. */
  id: string;
  /** The npm package it comes from, or `app` for the project's own code. */
  source: string;
  bytes: number;
  /** The modules that import it statically, from the project root: why it is in the bundle where it is. */
  importedBy: string[];
  /** Its part of the chunk's gzip size: its code's own gzip size, scaled so the modules add up to the chunk's. */
  gzip: number;
}

export interface ChunkReport {
  file: string;
  isEntry: boolean;
  isDynamicEntry: boolean;
  /** The module a dynamic `import()` names, for a chunk that is one's target. */
  facade: string | null;
  bytes: number;
  gzip: number;
  imports: string[];
  dynamicImports: string[];
  css: string[];
  modules: ModuleReport[];
}

export interface AssetReport {
  file: string;
  bytes: number;
  gzip: number;
}

export interface BundleReport {
  chunks: ChunkReport[];
  assets: AssetReport[];
}

// The default level, as the embedded server compresses.
const gzipSize = (code: string | Uint8Array) => gzipSync(code).length;

/** `@scope/name` or `name` for a file under node_modules, else `app`. */
export function sourceOf(id: string): string {
  const at = id.lastIndexOf('node_modules/');
  if (at < 0) return 'app';
  const [first, second] = id.slice(at + 'node_modules/'.length).split('/');
  return first?.startsWith('@') ? `${first}/${second}` : (first ?? 'app');
}

/** Module ids without the query Vite adds, relative to the project root. */
const shortId = (root: string, id: string) => relative(root, id.replace(/\0/g, '').split('?')[0]!);

/** Calls `onReport` with the bundle's report once the build has produced it. */
export function bundleReportPlugin(onReport: (report: BundleReport) => void | Promise<void>): Plugin {
  let root = process.cwd();
  return {
    name: 'bundle-report',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    async generateBundle(_options, bundle) {
      const chunks: ChunkReport[] = [];
      const assets: AssetReport[] = [];
      for (const output of Object.values(bundle)) {
        if (output.type === 'asset') {
          assets.push({ file: output.fileName, bytes: Buffer.byteLength(output.source), gzip: gzipSize(output.source) });
          continue;
        }
        const gzip = gzipSize(output.code);
        const modules = Object.entries(output.modules)
          .filter(([, module]) => module.renderedLength > 0 && module.code)
          .map(([id, module]) => ({
            id: shortId(root, id),
            source: sourceOf(id),
            bytes: module.renderedLength,
            importedBy: (this.getModuleInfo(id)?.importers ?? []).map((importer) => shortId(root, importer)),
            alone: gzipSize(module.code!),
          }));
        const alone = modules.reduce((sum, module) => sum + module.alone, 0) || 1;
        chunks.push({
          file: output.fileName,
          isEntry: output.isEntry,
          isDynamicEntry: output.isDynamicEntry,
          facade: output.facadeModuleId ? shortId(root, output.facadeModuleId) : null,
          bytes: Buffer.byteLength(output.code),
          gzip,
          imports: output.imports,
          dynamicImports: output.dynamicImports,
          css: [...(output.viteMetadata?.importedCss ?? [])],
          modules: modules
            .map(({ alone: own, ...module }) => ({ ...module, gzip: Math.round((own / alone) * gzip) }))
            .sort((a, b) => b.gzip - a.gzip),
        });
      }
      chunks.sort((a, b) => b.gzip - a.gzip);
      await onReport({ chunks, assets });
    },
  };
}
