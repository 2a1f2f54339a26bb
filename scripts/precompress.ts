/**
 * Writes a gzip (`.gz`, by zopfli) and a brotli (`.br`, quality 11) copy beside every compressible file of the
 * build, so that the embedded server and nginx (`gzip_static`) send the smallest encoding without compressing
 * on each request. Zopfli writes ordinary gzip about 3.5 % smaller than zlib's best level, taking seconds rather
 * than milliseconds, which is paid once per build. Files under 1 KB are left as they are (as the servers send
 * them), and so is a copy that would not be smaller.
 */
import { gzipAsync } from '@gfx/zopfli';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompress, constants } from 'node:zlib';
import { promisify } from 'node:util';
import type { Plugin } from 'vite';

const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|map|webmanifest)$/;
export const MIN_BYTES = 1024;

const brotli = promisify(brotliCompress);

export async function brotliOf(data: Uint8Array): Promise<Uint8Array> {
  return brotli(data, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  });
}

export const zopfliGzipOf = (data: Uint8Array): Promise<Uint8Array> => gzipAsync(data, { numiterations: 15 });

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/** Writes `file.gz` and `file.br` for each compressible file under `dir`; answers how many copies it wrote. */
export async function precompressFolder(dir: string): Promise<number> {
  let written = 0;
  for (const file of (await filesUnder(dir)).filter((name) => COMPRESSIBLE.test(name))) {
    const data = await readFile(file);
    if (data.length < MIN_BYTES) continue;
    for (const [suffix, compressed] of [
      ['.gz', await zopfliGzipOf(data)],
      ['.br', await brotliOf(data)],
    ] as const) {
      if (compressed.length >= data.length) continue;
      await writeFile(`${file}${suffix}`, compressed);
      written++;
    }
  }
  return written;
}

/** The build plugin: precompresses the output folder once the bundle is written (never for builds kept in memory). */
export function precompress(): Plugin {
  return {
    name: 'precompress',
    apply: 'build',
    async writeBundle(options) {
      if (options.dir) await precompressFolder(options.dir);
    },
  };
}
