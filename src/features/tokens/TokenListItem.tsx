import AutorenewIcon from '@mui/icons-material/Autorenew';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import IconButton from '@mui/material/IconButton';
import { memo, type ReactNode } from 'react';
import { formatDate, formatDateTime } from './dateFormat';
import { formatRelativeTime } from './relativeTime';
import { expiryStatusOf } from './tokenExpiry';
import { tokenNameOf, type ListedToken, type TokenRow } from './tokenRows';
import { TOKEN_ROW_CLASSES } from './tokenRowStyles';
import { TokenStatusChip } from './TokenStatusChip';

export interface TokenListItemProps {
  row: TokenRow;
  /** The current time in milliseconds: the status and relative times follow it. */
  now: number;
  showCreator: boolean;
  /** Asks to delete the token; `trigger` is the row's delete button, to return focus to. */
  onDelete: (token: ListedToken, trigger: HTMLElement) => void;
  /** Asks to regenerate the token; absent where the list offers no regenerate. */
  onRegenerate?: (token: ListedToken, trigger: HTMLElement) => void;
  /** In a virtualized list: the row's position among all rows, its offset from the list's top, and the row count. */
  index?: number;
  top?: number;
  setSize?: number;
  /** In a virtualized list: measures the rendered row (it needs `data-index`). */
  measureRef?: (element: HTMLElement | null) => void;
}

/**
 * One token: description, status, expiry, last use (where the backend says), creation and its regenerate and delete
 * buttons. A multi-column row on wide screens,
 * stacked on narrow ones. An expired token stays listed (Terrakube lists it too) and looks it: a shaded row, muted
 * text at AA contrast, a filled Expired chip, and its expiry labelled "Expired". Plain elements styled by the
 * list's class rules (`tokenRowStyles`), so that rendering a row does no style work: a fast scroll through a long
 * list renders dozens of rows a frame. Memoized: a row re-renders only when its token, its place or the current
 * time changes.
 */
export const TokenListItem = memo(function TokenListItem({
  row,
  now,
  showCreator,
  onDelete,
  onRegenerate,
  index,
  top,
  setSize,
  measureRef,
}: TokenListItemProps) {
  const { token, expiresAt, createdAt, lastUsedAt } = row;
  const name = tokenNameOf(token);
  const status = expiryStatusOf(expiresAt === null ? null : new Date(expiresAt), new Date(now));
  const expired = status === 'expired';

  let expiry: ReactNode;
  if (expiresAt !== null) {
    expiry = (
      <>
        <time dateTime={new Date(expiresAt).toISOString()}>{formatDateTime(expiresAt)}</time>
        {' · '}
        {formatRelativeTime(new Date(expiresAt), new Date(now))}
      </>
    );
  } else {
    expiry = 'Never';
  }

  const created = createdAt !== null ? <time dateTime={new Date(createdAt).toISOString()}>{formatDate(createdAt)}</time> : 'Unknown date';
  const creator = showCreator && token.createdBy ? `by ${token.createdBy}` : undefined;

  return (
    <li
      className={expired ? `${TOKEN_ROW_CLASSES.row} ${TOKEN_ROW_CLASSES.expired}` : TOKEN_ROW_CLASSES.row}
      ref={measureRef}
      data-index={index}
      aria-setsize={setSize}
      aria-posinset={index === undefined ? undefined : index + 1}
      style={top === undefined ? undefined : { position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${top}px)` }}
    >
      <p className={TOKEN_ROW_CLASSES.description}>{name}</p>
      <div className={TOKEN_ROW_CLASSES.status}>
        <TokenStatusChip status={status} />
      </div>
      <Field area="expiry" label={expired ? 'Expired' : 'Expires'}>
        {expiry}
      </Field>
      {lastUsedAt !== undefined && (
        <Field area="lastUsed" label="Last used">
          {lastUsedAt === null ? 'Never' : <LastUse at={lastUsedAt} now={now} />}
        </Field>
      )}
      <Field area="created" label="Created" detail={creator}>
        {created}
      </Field>
      <div className={TOKEN_ROW_CLASSES.actions}>
        {onRegenerate && (
          <IconButton aria-label={`Regenerate token ${name}`} onClick={(event) => onRegenerate(token, event.currentTarget)}>
            <AutorenewIcon />
          </IconButton>
        )}
        <IconButton aria-label={`Delete token ${name}`} onClick={(event) => onDelete(token, event.currentTarget)}>
          <DeleteOutlineIcon />
        </IconButton>
      </div>
    </li>
  );
});

/** "3 hours ago" ("just now" within the minute), with the exact time on hover and, after it, for screen readers. */
function LastUse({ at, now }: { at: number; now: number }) {
  const exact = formatDateTime(at);
  const ago = now - at < 60_000 ? 'just now' : formatRelativeTime(new Date(at), new Date(now));
  return (
    <>
      <time dateTime={new Date(at).toISOString()} title={exact}>
        {ago}
      </time>
      <span className={TOKEN_ROW_CLASSES.hidden}> ({exact})</span>
    </>
  );
}

/** A labelled value; `detail` goes on a line of its own, so rows keep one height whatever its length. */
function Field({ area, label, detail, children }: { area: 'expiry' | 'lastUsed' | 'created'; label: string; detail?: string; children: ReactNode }) {
  return (
    <div className={`${TOKEN_ROW_CLASSES.field} ${TOKEN_ROW_CLASSES[area]}`}>
      <span className={TOKEN_ROW_CLASSES.label}>{label}</span>
      <span className={TOKEN_ROW_CLASSES.value}>{children}</span>
      {detail && <span className={TOKEN_ROW_CLASSES.value}>{detail}</span>}
    </div>
  );
}
