import type { Request, Response } from 'express';
import type { Database } from '../db/database';
import { tokenListStamp } from '../db/tokenListVersions';
import { sendRepresentation } from '../http/conditionalAnswer';
import { KeptRepresentations, Representation } from '../http/keptRepresentations';

/**
 * 64 MiB of kept token lists per server process: the largest lists (10,000 tokens, 2.85 MB with their gzip and
 * brotli forms 3.5 MB) fit 18 at a time, ordinary ones (tens of tokens, a few KB) tens of thousands; a small part of
 * what a Node process may use, and of what the lists would cost to build again.
 */
export const KEPT_LISTS_MAX_BYTES = 64 * 1024 * 1024;

export interface TokenListAnswer {
  /**
   * Everything the answer depends on besides its owners' tokens (the route, the caller, the request's URL), as
   * JSON so that no two requests' keys can run together.
   */
  key: string;
  /** Whose tokens it lists (`personalTokensOf`, `teamTokensOf`): a change to any of them invalidates it. */
  owners: string[];
  status: number;
  contentType: string;
  /** Reads the tokens; its value is sent as JSON. */
  build: () => Promise<unknown>;
  /** False for an answer that also depends on the time of the request (a status filter): built every time. */
  keep?: boolean;
}

/** The `Content-Type` Express gives `res.json`, and the JSON:API one `/api/v2` answers with. */
export const JSON_TYPE = 'application/json; charset=utf-8';
export const JSON_API_TYPE = 'application/vnd.api+json; charset=utf-8';

/**
 * Token lists as kept answers: each request reads its owners' versions (one indexed query), and is answered from
 * the kept bytes while they are unchanged, with an ETag, and a 304 when the client has that answer already.
 * Correct across server processes on one database, since the versions are raised by the database's triggers.
 */
export class KeptTokenLists {
  private readonly kept: KeptRepresentations;

  constructor(
    private readonly db: Database,
    maxBytes = KEPT_LISTS_MAX_BYTES,
  ) {
    this.kept = new KeptRepresentations(maxBytes);
  }

  /** How much is kept, for tests of the bound. */
  get usage(): { entries: number; bytes: number; maxBytes: number } {
    return { entries: this.kept.size, bytes: this.kept.keptBytes, maxBytes: this.kept.maxBytes };
  }

  async send(req: Request, res: Response, answer: TokenListAnswer): Promise<void> {
    const build = async () => ({ body: Buffer.from(JSON.stringify(await answer.build())), contentType: answer.contentType });
    let representation: Representation;
    if (answer.keep === false) {
      const { body, contentType } = await build();
      representation = new Representation(body, contentType);
    } else {
      // The versions first, then the rows: a write between the two makes the answer newer than its label (built
      // again on the next request), never older.
      representation = await this.kept.get(answer.key, await tokenListStamp(this.db, answer.owners), build);
    }
    res.locals.precompressed = true;
    await sendRepresentation(req, res, answer.status, representation);
  }
}
