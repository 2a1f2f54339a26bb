/** Reads kept at once; past this they are all dropped, so that many distinct keys cannot grow without bound. */
const MAX_KEPT_READS = 10_000;

/**
 * Answers of reads kept by key until the next write, for a database this process alone writes (PGlite, whose
 * folder it locks): between two writes every read of the same rows answers the same. A write ends every kept
 * answer when it completes, before whoever made it hears back, so nothing that follows a write can see what
 * preceded it. A read still running when a write completes is not kept either: it may have run before the write.
 */
export class ReadsUntilWrite {
  private readonly kept = new Map<string, Promise<unknown>>();
  private writes = 0;

  read<T>(key: string, read: () => Promise<T>): Promise<T> {
    const kept = this.kept.get(key);
    if (kept) return kept as Promise<T>;
    if (this.kept.size >= MAX_KEPT_READS) this.kept.clear();
    const writesBefore = this.writes;
    const answer = read();
    this.kept.set(key, answer);
    const forget = () => {
      if (this.kept.get(key) === answer) this.kept.delete(key);
    };
    answer.then(() => this.writes !== writesBefore && forget(), forget);
    return answer;
  }

  /** A write completed (or may have): every kept answer may be out of date. */
  wrote(): void {
    this.writes += 1;
    this.kept.clear();
  }
}

/**
 * Whether a statement can only read: a plain SELECT. Anything else (an INSERT, UPDATE or DELETE, a WITH that may
 * hold one, DDL) counts as a write. A SELECT calling a function that writes would be missed: no statement here
 * does that outside a transaction, and a transaction always counts as a write.
 */
export const isReadOnlyStatement = (sql: string): boolean => /^\s*SELECT\b/i.test(sql);
