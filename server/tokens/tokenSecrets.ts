import type { Caller } from '../auth/authentication';
import { signIssuedToken } from './issuedTokens';

/** What the secret of a new token row says: its id, when it was made, and when it expires (`null` = never). */
export interface NewToken {
  id: string;
  createdAt: Date;
  expiresAt: Date | null;
}

/** The secret of a personal access token: it acts as `caller`, with the caller's groups. */
export function personalTokenSecret(key: Uint8Array, caller: Caller, token: NewToken): Promise<string> {
  return signIssuedToken(key, {
    id: token.id,
    subject: `${caller.name} (Token)`,
    name: `${caller.name} (Token)`,
    email: caller.email,
    groups: caller.groups,
    issuedAt: token.createdAt,
    expiresAt: token.expiresAt,
  });
}

/** The secret of a team token: it acts for `group` alone; `email` says who made it, as in Terrakube. */
export function teamTokenSecret(key: Uint8Array, caller: Caller, group: string, token: NewToken): Promise<string> {
  return signIssuedToken(key, {
    id: token.id,
    subject: `${group} (Team Token)`,
    name: `${group} (Token)`,
    email: caller.email,
    groups: [group],
    issuedAt: token.createdAt,
    expiresAt: token.expiresAt,
  });
}
