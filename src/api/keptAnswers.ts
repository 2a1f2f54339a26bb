/**
 * The last answer to each GET that came with an ETag, kept in memory for this page, so that a refetch of an
 * unchanged list (window focus, reconnect, a return visit within the session) names it in `If-None-Match` and
 * costs a 304 with no body. The browser's HTTP cache cannot do this for every backend: it does not store a 202,
 * which is what Terrakube answers its token lists with. Kept per bearer token, so one person's answer is never
 * another's; bounded, least recently used first out. Answers of other methods (a generate with its secret) are
 * never kept.
 */

/** Enough for every page of a 10,000-token list read in pages of 100, and the other lists beside it. */
const MAX_KEPT = 250;

export interface KeptAnswer {
  etag: string;
  value: unknown;
}

export class KeptAnswers {
  private readonly answers = new Map<string, KeptAnswer>();

  constructor(private readonly maxKept = MAX_KEPT) {}

  private static keyOf(url: string, token: string | null | undefined): string {
    return JSON.stringify([token ?? '', url]);
  }

  /** The kept answer to a GET of `url` with `token`, and marks it recently used. */
  get(url: string, token: string | null | undefined): KeptAnswer | undefined {
    const key = KeptAnswers.keyOf(url, token);
    const kept = this.answers.get(key);
    if (kept) {
      this.answers.delete(key);
      this.answers.set(key, kept);
    }
    return kept;
  }

  /** Keeps `value` as the answer with `etag`; without an ETag the previous answer is forgotten. */
  set(url: string, token: string | null | undefined, etag: string | null, value: unknown): void {
    const key = KeptAnswers.keyOf(url, token);
    this.answers.delete(key);
    if (!etag) return;
    this.answers.set(key, { etag, value });
    for (const oldest of this.answers.keys()) {
      if (this.answers.size <= this.maxKept) break;
      this.answers.delete(oldest);
    }
  }

  get size(): number {
    return this.answers.size;
  }
}
