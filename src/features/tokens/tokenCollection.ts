import type { QueryKey } from '@tanstack/react-query';
import type { CollectionCapabilities, CreatedToken, GenerateTokenInput } from '../../api';
import type { ListedToken } from './tokenRows';

/** What the panel reads from the token list's query (see `tokenListQueryOf`). */
export interface TokenListQuery {
  data: readonly ListedToken[] | undefined;
  /**
   * Whether `data` is the whole list. False while later pages are on their way (the first page shows meanwhile),
   * or when they could not all be read: counts and clean-ups wait for the whole list.
   */
  isComplete: boolean;
  /** How many tokens the backend says the list has, when it says. */
  totalCount?: number;
  /** Why the list stops short though nothing more is coming. */
  shortBecause?: string;
  error: Error | null;
  isFetching: boolean;
  /** When the data was last fetched or changed (ms); the list never shows a "now" older than its data. */
  dataUpdatedAt: number;
  refetch: () => Promise<unknown>;
}

/** The words a collection's screen uses. */
export interface TokenCollectionWording {
  /** The list's accessible name, e.g. "Your API tokens"; also names what failed to load, unless `listNameInText` does. */
  listLabel: string;
  /** The list's name inside a sentence ("Could not load your API tokens"). */
  listNameInText: string;
  /** The generate button's label: "Generate token" or "Generate team token". */
  generateLabel: string;
  /** The generate dialog's title: "Generate API token" or "Generate team token". */
  dialogTitle: string;
  /** The tokens after a count in a sentence: "your tokens" or "this team's tokens" ("2 of your tokens expire …"). */
  tokensInText: string;
  /** The empty state's sentence; the generate button follows it. */
  emptyMessage: string;
  /** Whether rows say who created each token. */
  showCreator: boolean;
}

/**
 * One collection of tokens (the signed-in person's, or one team's) and everything a screen does with it: its list
 * query, generate and delete, what its backend accepts, and its words. Built by each screen's own small hook.
 */
export interface TokenCollection {
  query: TokenListQuery;
  /** The list's query key: deletes update it, generating invalidates it. */
  tokenListKey: QueryKey;
  capabilities: CollectionCapabilities;
  /** The host Terraform CLI credentials name. */
  cliHost: string;
  generate: (input: GenerateTokenInput) => Promise<CreatedToken>;
  deleteToken: (id: string) => Promise<void>;
  /** Deletes several at once, all or none, while `capabilities.bulkDelete` says the backend can. */
  deleteTokens?: (ids: readonly string[]) => Promise<void>;
  wording: TokenCollectionWording;
  /** When set, the generate button is disabled and this sentence is shown next to it. */
  generateDisabledReason?: string;
  /** When set, the list is not available to this person (not a member of the team): this sentence replaces it. */
  unavailableMessage?: string;
}
