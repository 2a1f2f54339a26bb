import { useCallback } from 'react';
import { useSearchParams } from '../../ui/router';
import { STATUS_PARAM, statusFilterFromParam, withStatusParam, type TokenStatusFilter } from './tokenStatusFilter';

/**
 * The status filter as the page's query holds it (`?status=expiring`), and a setter that changes only that
 * parameter. Setting replaces the history entry, so trying filters does not fill the Back button.
 */
export function useTokenStatusFilter(): [TokenStatusFilter, (status: TokenStatusFilter) => void] {
  const [searchParams, setSearchParams] = useSearchParams();
  const status = statusFilterFromParam(searchParams.get(STATUS_PARAM));
  const setStatus = useCallback(
    (next: TokenStatusFilter) =>
      setSearchParams((current) => withStatusParam(current, next), { replace: true }),
    [setSearchParams],
  );
  return [status, setStatus];
}
