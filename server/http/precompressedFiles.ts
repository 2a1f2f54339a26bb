import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { RequestHandler, Response } from 'express';
import { chooseEncoding, PRECOMPRESSED_ENCODINGS, type PrecompressedEncoding } from './acceptEncoding';
import { sendApiError } from './apiError';

/** The files the build precompresses (scripts/precompress.ts): text that shrinks. */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|map|webmanifest)$/;

const SUFFIX: Record<PrecompressedEncoding, string> = { br: '.br', gzip: '.gz' };

export interface PrecompressedOptions {
  maxAge?: string;
  immutable?: boolean;
}

const isFile = (file: string) =>
  stat(file).then(
    (stats) => (stats.isFile() ? stats : undefined),
    () => undefined,
  );

/** The file under `root` that a request path names, or undefined for one that would leave it or is malformed. */
function fileUnder(root: string, requestPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.split(/[\\/]/).includes('..')) return undefined;
  const file = path.join(root, decoded);
  return file.startsWith(root + path.sep) ? file : undefined;
}

/**
 * Sends the build's `.br` or `.gz` copy of a file for the `Accept-Encoding` a request has (express.static and
 * the compression middleware answer the rest: other encodings, identity, files without copies). Each copy is its
 * own representation, with its own Content-Length and ETag; Range requests apply to the bytes sent, as HTTP says.
 */
export function precompressedFiles(root: string, options: PrecompressedOptions = {}): RequestHandler {
  const base = path.resolve(root);
  return async (req, res, next) => {
    const file = (req.method === 'GET' || req.method === 'HEAD') && COMPRESSIBLE.test(req.path) ? fileUnder(base, req.path) : undefined;
    if (!file || !(await isFile(file))) return next();
    const copies = await Promise.all(PRECOMPRESSED_ENCODINGS.map(async (encoding) => [encoding, await isFile(file + SUFFIX[encoding])] as const));
    const available = copies.filter(([, stats]) => stats).map(([encoding]) => encoding);
    if (available.length === 0) return next();
    // Caches must keep the answers for each encoding apart, the identity one included.
    res.vary('Accept-Encoding');
    const encoding = chooseEncoding(req.get('Accept-Encoding'), available);
    if (!encoding) return next();
    const stats = copies.find(([name]) => name === encoding)![1]!;
    res.type(path.extname(file));
    res.set({
      'Content-Encoding': encoding,
      ETag: `W/"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}-${encoding}"`,
    });
    res.sendFile(file + SUFFIX[encoding], { maxAge: options.maxAge ?? 0, immutable: options.immutable ?? false }, (error) => {
      if (!error || res.headersSent) return;
      forgetEncoding(res);
      const status = (error as { status?: number }).status;
      if (status === 416) sendApiError(res, 416, 'The requested range is not satisfiable.');
      else if ((error as { code?: string }).code === 'ENOENT') next();
      else next(error);
    });
  };
}

function forgetEncoding(res: Response) {
  res.removeHeader('Content-Encoding');
  res.removeHeader('ETag');
}
