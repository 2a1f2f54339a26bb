import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/** The encodings an answer is kept in besides its plain bytes. */
export type ContentCoding = 'gzip' | 'br';

/**
 * Chosen by measurement (`npx tsx bench/listCost.ts`, docs/server-performance.md): for a 2.85 MB list of 10,000
 * tokens gzip 6 gives 343 KB in about 37 ms and brotli 4 306 KB in about 120 ms. Brotli 5–9 are no smaller than 4
 * for two to fifteen times the time, and 11 (246 KB) takes seconds; gzip 9 is 4 % smaller than 6 for three times the
 * time. Each is paid once per kept answer and coding, off the event loop.
 */
const COMPRESS: Record<ContentCoding, (body: Buffer) => Promise<Buffer>> = {
  gzip: (body) => promisify(gzip)(body, { level: 6 }),
  br: (body) =>
    promisify(brotliCompress)(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 4,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    }),
};

/** Below this an answer is sent as it is, as the compression middleware does: headers would outweigh the saving. */
export const COMPRESSION_THRESHOLD = 1024;

/** What an entry costs beyond its bytes and its key (its stamp, ETag and the maps' bookkeeping), roughly. */
const ENTRY_OVERHEAD_BYTES = 1024;

/** One answer as sent: its bytes, type and strong ETag (a hash of the bytes), and its compressed forms once asked for. */
export class Representation {
  readonly etag: string;
  private readonly encoded = new Map<ContentCoding, Promise<Buffer>>();
  private encodedBytes = 0;

  constructor(
    readonly body: Buffer,
    readonly contentType: string,
    private readonly onGrow: (bytes: number) => void = () => {},
  ) {
    this.etag = createHash('sha256').update(body).digest('base64url').slice(0, 27);
  }

  /** The bytes in `coding`, compressed once and kept. */
  encodedAs(coding: ContentCoding): Promise<Buffer> {
    let bytes = this.encoded.get(coding);
    if (!bytes) {
      bytes = COMPRESS[coding](this.body);
      this.encoded.set(coding, bytes);
      void bytes.then((encoded) => {
        this.encodedBytes += encoded.length;
        this.onGrow(encoded.length);
      }, () => this.encoded.delete(coding));
    }
    return bytes;
  }

  get size(): number {
    return this.body.length + this.encodedBytes + ENTRY_OVERHEAD_BYTES;
  }
}

interface Entry {
  stamp: string;
  representation: Representation;
  /** When its build started, in lookups: an older build finishing late never replaces a newer one. */
  started: number;
  /** What it counts toward the bound: its representation's size and its key, which a URL may make long. */
  bytes: number;
}

/**
 * Answers kept in this process by key (whose answer, to which request), each labelled with the stamp of the data
 * it was built from; a lookup with another stamp builds it anew. Concurrent lookups of one key and stamp share one
 * build. Bounded: past `maxBytes` in all (keys included), the least recently used answers are dropped; an answer
 * larger than a quarter of it is sent but not kept, so that one huge list cannot push out everyone else's.
 */
export class KeptRepresentations {
  /** Least recently used first: a hit moves its entry to the end. */
  private readonly entries = new Map<string, Entry>();
  private readonly building = new Map<string, Promise<Representation>>();
  private bytes = 0;
  private builds = 0;

  constructor(readonly maxBytes: number) {}

  get keptBytes(): number {
    return this.bytes;
  }

  get size(): number {
    return this.entries.size;
  }

  async get(key: string, stamp: string, build: () => Promise<{ body: Buffer; contentType: string }>): Promise<Representation> {
    const kept = this.entries.get(key);
    if (kept?.stamp === stamp) {
      this.entries.delete(key);
      this.entries.set(key, kept);
      return kept.representation;
    }
    const buildKey = `${stamp}\n${key}`;
    let pending = this.building.get(buildKey);
    if (!pending) {
      pending = this.buildAndKeep(key, stamp, ++this.builds, build).finally(() => this.building.delete(buildKey));
      this.building.set(buildKey, pending);
    }
    return pending;
  }

  private async buildAndKeep(key: string, stamp: string, started: number, build: () => Promise<{ body: Buffer; contentType: string }>) {
    const { body, contentType } = await build();
    // Compressed forms added later count too, for as long as this is the answer kept under its key.
    const representation: Representation = new Representation(body, contentType, (grown) => {
      const entry = this.entries.get(key);
      if (entry?.representation !== representation) return;
      entry.bytes += grown;
      this.bytes += grown;
      this.evict();
    });
    const bytes = representation.size + Buffer.byteLength(key);
    if (bytes * 4 > this.maxBytes) return representation;
    // A build that started before the kept one (its stamp read earlier) holds older data: sent, not kept.
    if ((this.entries.get(key)?.started ?? 0) > started) return representation;
    this.drop(key);
    this.entries.set(key, { stamp, representation, started, bytes });
    this.bytes += bytes;
    this.evict();
    return representation;
  }

  private drop(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }

  private evict(): void {
    for (const key of this.entries.keys()) {
      if (this.bytes <= this.maxBytes) return;
      this.drop(key);
    }
  }
}
