import Box from '@mui/material/Box';
import type { RefObject } from 'react';
import { TokenListItem } from './TokenListItem';
import type { ListedToken, TokenRow } from './tokenRows';
import { TOKEN_LIST_SX, tokenListClass } from './tokenRowStyles';

export interface TokenRowsListProps {
  /** Sorted and filtered, in the order shown. */
  rows: readonly TokenRow[];
  /** The list's accessible name, e.g. "Your API tokens". */
  label: string;
  /** The current time in milliseconds (see `useNow`). */
  now: number;
  showCreator: boolean;
  /** Must be stable (`useCallback`): every row receives it. */
  onDelete: (token: ListedToken, trigger: HTMLElement) => void;
  /** Stable too; absent where the list offers no regenerate. */
  onRegenerate?: (token: ListedToken, trigger: HTMLElement) => void;
  /** Whether the backend says when tokens were used: the rows make room for it. */
  showsLastUse: boolean;
  /** The `<ul>`, focusable by script, e.g. to move focus there after a delete. */
  list: RefObject<HTMLUListElement | null>;
}

/** The token rows as a list, every row rendered. */
export function TokenRowsList({ rows, label, now, showCreator, onDelete, onRegenerate, showsLastUse, list }: TokenRowsListProps) {
  return (
    <Box component="ul" role="list" aria-label={label} ref={list} tabIndex={-1} sx={TOKEN_LIST_SX} className={tokenListClass(showsLastUse)}>
      {rows.map((row) => (
        <TokenListItem key={row.token.id} row={row} now={now} showCreator={showCreator} onDelete={onDelete} onRegenerate={onRegenerate} />
      ))}
    </Box>
  );
}
