import Alert from '@mui/material/Alert';
import Link from '@mui/material/Link';
import { useEffect, useMemo, useRef, type RefObject } from 'react';
import { Link as RouterLink, useLocation, useSearchParams } from '../../ui/router';
import { toTokenRows, type ListedToken } from './tokenRows';
import { countByStatus, withStatusParam } from './tokenStatusFilter';
import { useTokenStatusFilter } from './useTokenStatusFilter';

const numberFormat = new Intl.NumberFormat();

export interface ExpiryNoticeProps {
  /** The tokens listed (pending deletes left out). */
  tokens: readonly ListedToken[];
  /** The current time in milliseconds, as the list has it. */
  now: number;
  /** "your tokens" or "this team's tokens". */
  tokensInText: string;
  /** The list, which takes focus once "Review them" has filtered it. */
  listRef: RefObject<HTMLUListElement | null>;
}

/**
 * "2 of your tokens expire this week. Review them": shown while tokens are less than seven days from expiry. The
 * link filters the list to them (`?status=expiring`, other parameters kept); it is not offered while the list is
 * filtered so already.
 */
export function ExpiryNotice({ tokens, now, tokensInText, listRef }: ExpiryNoticeProps) {
  const rows = useMemo(() => toTokenRows(tokens), [tokens]);
  const count = useMemo(() => countByStatus(rows, now).expiresSoon, [rows, now]);
  const [status] = useTokenStatusFilter();
  const [searchParams] = useSearchParams();
  const { pathname } = useLocation();

  // The link goes away once followed: focus moves on to the tokens it was about, not back to the page's top.
  const reviewing = useRef(false);
  useEffect(() => {
    if (status !== 'expiresSoon' || !reviewing.current) return;
    reviewing.current = false;
    listRef.current?.focus();
  }, [status, listRef]);

  if (count === 0) return null;
  return (
    // A note, not an alert: it stands on the page from the start and is not news to be announced.
    <Alert severity="warning" role="note" sx={{ mb: 2 }}>
      {numberFormat.format(count)} of {tokensInText} {count === 1 ? 'expires' : 'expire'} this week.
      {status !== 'expiresSoon' && (
        <>
          {' '}
          <Link
            component={RouterLink}
            to={{ pathname, search: withStatusParam(searchParams, 'expiresSoon').toString() }}
            color="inherit"
            onClick={(event) => {
              // A link opened in another tab or window leaves this page as it is.
              reviewing.current = event.button === 0 && !(event.metaKey || event.ctrlKey || event.shiftKey || event.altKey);
            }}
          >
            {count === 1 ? 'Review it' : 'Review them'}
          </Link>
        </>
      )}
    </Alert>
  );
}
