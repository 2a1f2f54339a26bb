import Box from '@mui/material/Box';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useState } from 'react';
import { TokenListItem } from './TokenListItem';
import type { TokenRowsListProps } from './TokenRowsList';
import { TOKEN_LIST_SX, tokenListClass } from './tokenRowStyles';

/** A wide row's height before any is measured. */
const ESTIMATED_ROW_HEIGHT = 76;

/**
 * The token rows near the viewport, placed in a list as tall as all of them, so the page scrolls as if every row
 * were there. Each row says where it stands (`aria-posinset` of `aria-setsize`) for assistive technology. A module
 * of its own, loaded only for long lists.
 */
export default function VirtualizedTokenRowsList({
  rows,
  label,
  now,
  showCreator,
  onDelete,
  onRegenerate,
  showsLastUse,
  list,
}: TokenRowsListProps) {
  // The list's distance from the top of the page, which the window's scroll position is measured against.
  const [listTop, setListTop] = useState(0);
  // Rows are measured as they render, and a row whose height differs from its estimate moves every row after it:
  // thousands, on every frame of a fast scroll. Most rows are one line high, so each is estimated at the height
  // of the shortest row rendered, and only rows with a wrapped description change anything when measured. (Rows
  // already measured keep their measured height: the new estimate only applies to rows not yet rendered.)
  const [rowHeight, setRowHeight] = useState(ESTIMATED_ROW_HEIGHT);
  useLayoutEffect(() => {
    const measure = () => {
      const top = (list.current?.getBoundingClientRect().top ?? 0) + window.scrollY;
      setListTop((previous) => (Math.abs(previous - top) < 1 ? previous : top));
      const heights = Array.from(list.current?.children ?? [], (row) => (row as HTMLElement).offsetHeight).filter((height) => height > 0);
      if (heights.length > 0) setRowHeight(Math.min(...heights));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, [list]);

  const virtualizer = useWindowVirtualizer({
    count: rows.length,
    estimateSize: () => rowHeight,
    overscan: 6,
    // Let React batch the re-renders a scroll causes instead of flushing each one at once.
    useFlushSync: false,
    scrollMargin: listTop,
    getItemKey: (index) => rows[index]!.token.id,
  });

  return (
    <Box
      component="ul"
      role="list"
      aria-label={label}
      ref={list}
      tabIndex={-1}
      sx={{ ...TOKEN_LIST_SX, position: 'relative' }}
      className={tokenListClass(showsLastUse)}
      style={{ height: virtualizer.getTotalSize() }}
    >
      {virtualizer.getVirtualItems().map((item) => (
        <TokenListItem
          key={item.key}
          row={rows[item.index]!}
          now={now}
          showCreator={showCreator}
          onDelete={onDelete}
          onRegenerate={onRegenerate}
          index={item.index}
          top={item.start - listTop}
          setSize={rows.length}
          measureRef={virtualizer.measureElement}
        />
      ))}
    </Box>
  );
}
