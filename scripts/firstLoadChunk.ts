/**
 * Puts every module the app loads at start into its entry chunk. Rolldown's automatic chunking moves what the
 * entry shares with lazily loaded chunks (dialogs, the teams screens) into common chunks of their own: the first
 * screen then downloads some twenty files that all load at start anyway. One file compresses better (gzip sees
 * it whole) and needs no second round of requests. Which modules load at start is read from a first build with
 * automatic chunking, which is not written: the entry chunk and everything it imports statically.
 */
import { build, type Plugin, type Rolldown } from 'vite';

/** Set while the first build runs, so that it chunks automatically (and does not start a first build itself). */
const FIRST_BUILD = 'FIRST_LOAD_CHUNK_PROBE';

function modulesLoadedAtStart(outputs: Rolldown.RolldownOutput[]): Set<string> {
  const chunks = new Map(
    outputs.flatMap((output) => output.output).flatMap((item) => (item.type === 'chunk' ? [[item.fileName, item] as const] : [])),
  );
  const atStart = new Set<string>();
  const visit = (file: string) => {
    const chunk = chunks.get(file);
    if (!chunk || atStart.has(file)) return;
    atStart.add(file);
    chunk.imports.forEach(visit);
  };
  for (const chunk of chunks.values()) if (chunk.isEntry) visit(chunk.fileName);
  return new Set([...atStart].flatMap((file) => chunks.get(file)!.moduleIds));
}

export function firstLoadChunk(): Plugin {
  let modules = new Set<string>();
  let resolved: { configFile: string | undefined; root: string; mode: string } | undefined;
  return {
    name: 'first-load-chunk',
    apply: (_config, env) => env.command === 'build' && !process.env[FIRST_BUILD],
    configResolved(config) {
      resolved = { configFile: config.configFile, root: config.root, mode: config.mode };
    },
    async buildStart() {
      process.env[FIRST_BUILD] = '1';
      try {
        const output = await build({ ...resolved, logLevel: 'silent', build: { write: false } });
        modules = modulesLoadedAtStart((Array.isArray(output) ? output : [output]) as Rolldown.RolldownOutput[]);
      } finally {
        delete process.env[FIRST_BUILD];
      }
    },
    outputOptions(options) {
      const splitting = typeof options.codeSplitting === 'object' ? options.codeSplitting : {};
      // The group holds the entry module itself, so its chunk is the entry chunk.
      const group = { name: 'index', test: (id: string) => modules.has(id), priority: Number.MAX_SAFE_INTEGER };
      return { ...options, codeSplitting: { ...splitting, groups: [group, ...(splitting.groups ?? [])] } };
    },
  };
}
