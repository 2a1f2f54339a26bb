import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import ButtonGroup from '@mui/material/ButtonGroup';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Suspense, useDeferredValue, useId, useMemo, useRef, useState, type RefObject } from 'react';
import { LazyLoadBoundary } from '../../ui/LazyLoadBoundary';
import { useReloadableLazy } from '../../ui/useReloadableLazy';
import { NoMatchingTokens } from './NoMatchingTokens';
import {
  filterTokenRows,
  sortOrdersFor,
  sortTokenRows,
  TOKEN_SORT_LABELS,
  toTokenRows,
  type ListedToken,
  type TokenSortOrder,
} from './tokenRows';
import { TokenRowsList, type TokenRowsListProps } from './TokenRowsList';
import { TokenStatusFilterChips } from './TokenStatusFilterChips';
import { countByStatus, filterRowsByStatus } from './tokenStatusFilter';
import { useTokenStatusFilter } from './useTokenStatusFilter';

/** Above this many tokens the list offers a filter box. */
export const FILTER_THRESHOLD = 10;
/** Above this many rows only those near the viewport are rendered; shorter lists are rendered whole. */
export const VIRTUALIZE_THRESHOLD = 50;
/** While the virtualized list's code loads, this many rows are shown as a plain list. */
const ROWS_BEFORE_VIRTUALIZED = 30;
/** The filter box's height while its code loads, so nothing below it moves. */
const FILTER_BOX_HEIGHT = 40;

const loadTokenFilterBox = () => import('./TokenFilterBox');
const loadVirtualizedTokenRowsList = () => import('./VirtualizedTokenRowsList');
const numberFormat = new Intl.NumberFormat();

export interface TokenListProps {
  tokens: readonly ListedToken[];
  /** The list's accessible name, e.g. "Your API tokens". */
  label: string;
  /** The current time in milliseconds (see `useNow`). */
  now: number;
  showCreator: boolean;
  /** Must be stable (`useCallback`): every row receives it. */
  onDelete: (token: ListedToken, trigger: HTMLElement) => void;
  /** Stable too; absent where the list offers no regenerate. */
  onRegenerate?: (token: ListedToken, trigger: HTMLElement) => void;
  /** The `<ul>`, focusable by script, e.g. to move focus there after a delete. */
  listRef?: RefObject<HTMLUListElement | null>;
  /**
   * Set while `tokens` are not the whole list: `loading` while later pages are on their way. Counts and the sort
   * wait for the whole list; the count line says how far it has come.
   */
  partial?: { totalCount?: number; loading: boolean };
}

const tokensText = (count: number) => `${numberFormat.format(count)} token${count === 1 ? '' : 's'}`;

/** The count line: how many tokens there are, how many the filters show, and, while partial, how many have come. */
function countText(loaded: number, shown: number | undefined, partial: TokenListProps['partial']): string {
  if (!partial) return shown === undefined ? tokensText(loaded) : `${numberFormat.format(shown)} of ${tokensText(loaded)}`;
  const come =
    partial.totalCount === undefined
      ? `${tokensText(loaded)} loaded`
      : `${numberFormat.format(loaded)} of ${tokensText(partial.totalCount)} loaded`;
  const text = shown === undefined ? come : `${numberFormat.format(shown)} shown; ${come}`;
  return partial.loading ? `${text}, loading the rest…` : text;
}

/**
 * The tokens as a flat, sorted, filtered array of rows under status chips (kept in the page's query), a sort
 * control and (for long lists) a filter box. Parsing, sorting and filtering are memoized separately; the filter
 * follows typing through a deferred value so the box stays responsive on long lists, and long lists render only
 * the rows near the viewport. The chips count the rows the description filter leaves, so each says what it shows.
 */
export function TokenList({ tokens, label, now, showCreator, onDelete, onRegenerate, listRef, partial }: TokenListProps) {
  const [sortOrder, setSortOrder] = useState<TokenSortOrder>('expiry');
  const [filter, setFilter] = useState('');
  const [filterBoxDismissed, setFilterBoxDismissed] = useState(false);
  const [status, setStatus] = useTokenStatusFilter();
  const allStatusChip = useRef<HTMLButtonElement>(null);
  const deferredFilter = useDeferredValue(filter);
  const filterInput = useRef<HTMLInputElement>(null);
  const ownListRef = useRef<HTMLUListElement>(null);
  const list = listRef ?? ownListRef;
  const sortLabelId = useId();
  const [TokenFilterBox, reloadTokenFilterBox] = useReloadableLazy(loadTokenFilterBox);
  const [VirtualizedTokenRowsList, reloadVirtualizedTokenRowsList] = useReloadableLazy(loadVirtualizedTokenRowsList);
  const [virtualizedListFailed, setVirtualizedListFailed] = useState(false);

  const rows = useMemo(() => toTokenRows(tokens), [tokens]);
  const sortOrders = useMemo(() => sortOrdersFor(rows), [rows]);
  const showsLastUse = sortOrders.includes('lastUsed');
  // A sort the list no longer offers (its tokens stopped saying when they were used) falls back to expiry.
  const appliedSortOrder = sortOrders.includes(sortOrder) ? sortOrder : 'expiry';
  const sortedRows = useMemo(() => sortTokenRows(rows, appliedSortOrder), [rows, appliedSortOrder]);
  const matchingRows = useMemo(() => filterTokenRows(sortedRows, deferredFilter), [sortedRows, deferredFilter]);
  const statusCounts = useMemo(() => countByStatus(matchingRows, now), [matchingRows, now]);
  const visibleRows = useMemo(() => filterRowsByStatus(matchingRows, status, now), [matchingRows, status, now]);

  // Keep the box while it holds a filter, even if deletes bring the list under the threshold.
  const showFilter = (tokens.length > FILTER_THRESHOLD || filter !== '') && !filterBoxDismissed;
  const filtering = deferredFilter.trim() !== '' || status !== 'all';
  const rowsListProps: TokenRowsListProps = { rows: visibleRows, label, now, showCreator, onDelete, onRegenerate, showsLastUse, list };

  return (
    <Box aria-busy={partial?.loading || undefined}>
      <Box sx={{ mb: 2 }}>
        <TokenStatusFilterChips
          value={status}
          counts={partial ? undefined : statusCounts}
          onChange={setStatus}
          allChipRef={allStatusChip}
        />
      </Box>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 2, alignItems: { sm: 'center' } }}>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: { xs: 'flex-start', sm: 'center' } }}>
          <Typography id={sortLabelId} variant="body2" sx={{ color: 'text.secondary', whiteSpace: 'nowrap' }}>
            Sort by
          </Typography>
          <ButtonGroup
            size="small"
            aria-labelledby={sortLabelId}
            // As tall as the filter box beside it; a focused button's outline drawn above its neighbours. On a phone
            // the group takes the width under its label, each label on one line.
            sx={{
              maxWidth: '100%',
              '& .MuiButton-root': { minHeight: 40, whiteSpace: 'nowrap', px: { xs: 1.25, sm: 1.5 } },
              '& .Mui-focusVisible': { zIndex: 1 },
            }}
          >
            {sortOrders.map((order) => (
              <Button
                key={order}
                variant={order === appliedSortOrder ? 'contained' : 'outlined'}
                aria-pressed={order === appliedSortOrder}
                // Sorting a part would put first what may not be first once the rest is in.
                disabled={partial !== undefined}
                onClick={() => setSortOrder(order)}
              >
                {TOKEN_SORT_LABELS[order]}
              </Button>
            ))}
          </ButtonGroup>
        </Stack>
        {showFilter && (
          <LazyLoadBoundary what="the filter box" onReload={reloadTokenFilterBox} onDismiss={() => setFilterBoxDismissed(true)}>
            <Suspense fallback={<Box sx={{ height: FILTER_BOX_HEIGHT, flexGrow: 1, maxWidth: { sm: '24rem' } }} />}>
              <TokenFilterBox value={filter} onChange={setFilter} inputRef={filterInput} />
            </Suspense>
          </LazyLoadBoundary>
        )}
        {(tokens.length > FILTER_THRESHOLD || status !== 'all' || partial) && (
          <Typography role="status" variant="body2" sx={{ color: 'text.secondary' }}>
            {countText(tokens.length, filtering ? visibleRows.length : undefined, partial)}
          </Typography>
        )}
      </Stack>
      {visibleRows.length === 0 ? (
        <NoMatchingTokens
          status={status}
          text={deferredFilter.trim()}
          onClearText={() => {
            setFilter('');
            filterInput.current?.focus();
          }}
          onShowAll={() => {
            setFilter('');
            setStatus('all');
            allStatusChip.current?.focus();
          }}
        />
      ) : (
        visibleRows.length > VIRTUALIZE_THRESHOLD && !virtualizedListFailed ? (
          // The first rows show at once, as a plain list, while the virtualized list's code loads; should it fail to
          // load, the whole list is rendered plainly instead.
          <LazyLoadBoundary what="the long list" onReload={reloadVirtualizedTokenRowsList} onDismiss={() => setVirtualizedListFailed(true)}>
            <Suspense fallback={<TokenRowsList {...rowsListProps} rows={visibleRows.slice(0, ROWS_BEFORE_VIRTUALIZED)} />}>
              <VirtualizedTokenRowsList {...rowsListProps} />
            </Suspense>
          </LazyLoadBoundary>
        ) : (
          <TokenRowsList {...rowsListProps} />
        )
      )}
    </Box>
  );
}
