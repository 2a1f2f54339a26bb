/** The precompressed encodings the server may send, in its order of preference (brotli is smaller). */
export const PRECOMPRESSED_ENCODINGS = ['br', 'gzip'] as const;

export type PrecompressedEncoding = (typeof PRECOMPRESSED_ENCODINGS)[number];

const QVALUE = /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/;

/**
 * The quality (`q`, 0–1) an `Accept-Encoding` header gives each coding it names, lower-cased (`*` for the rest).
 * An entry with a malformed `q` is left out, as if not sent; `x-gzip` counts as `gzip`.
 */
export function acceptedCodings(header: string | undefined): Map<string, number> {
  const codings = new Map<string, number>();
  for (const entry of (header ?? '').split(',')) {
    const [name = '', ...params] = entry.split(';').map((part) => part.trim());
    if (!/^[a-z0-9!#$%&'*+.^_`|~-]+$/i.test(name)) continue;
    let q = 1;
    let valid = true;
    for (const param of params) {
      const [key, value = ''] = param.split('=').map((part) => part.trim());
      if (key?.toLowerCase() !== 'q') continue;
      valid = QVALUE.test(value);
      q = Number(value);
    }
    if (!valid) continue;
    const coding = name.toLowerCase() === 'x-gzip' ? 'gzip' : name.toLowerCase();
    // Named twice: the higher weight counts.
    codings.set(coding, Math.max(q, codings.get(coding) ?? 0));
  }
  return codings;
}

/**
 * Which of `available` to send for `header`: the one the client weighs highest, the server's preference
 * (`PRECOMPRESSED_ENCODINGS`) among equals, none it refuses (`q=0`, or `*;q=0` with it unnamed). Without the
 * header, none: a client that says nothing gets the file as it is.
 */
export function chooseEncoding(
  header: string | undefined,
  available: readonly PrecompressedEncoding[],
): PrecompressedEncoding | undefined {
  const codings = acceptedCodings(header);
  let best: { encoding: PrecompressedEncoding; q: number } | undefined;
  for (const encoding of PRECOMPRESSED_ENCODINGS) {
    if (!available.includes(encoding)) continue;
    const q = codings.get(encoding) ?? codings.get('*') ?? 0;
    if (q > 0 && (!best || q > best.q)) best = { encoding, q };
  }
  return best?.encoding;
}
