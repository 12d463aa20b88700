/**
 * The rows of a long table body rendered only near the viewport (issue 18, "Large estates stay
 * instant"): the page scrolls, so the rows follow the window's scroll (a window virtualizer,
 * @tanstack/react-virtual). The rows not rendered are stood in for by empty spacer rows of their
 * height (hidden from assistive technologies; the table's aria-rowcount and each row's
 * aria-rowindex tell the real count and place). Rows measure themselves once rendered; until
 * then they count as `estimate` pixels high.
 *
 * `pinned` rows are rendered wherever the window is: the row holding the keyboard focus (so
 * that scrolling away does not drop the focus), a row a "Go to field" request or a new device
 * is about to focus.
 */
import TableBody from '@mui/material/TableBody';
import type { Range } from '@tanstack/react-virtual';
import { defaultRangeExtractor, useWindowVirtualizer } from '@tanstack/react-virtual';
import type { ReactNode, Ref } from 'react';
import { useCallback, useLayoutEffect, useRef, useState } from 'react';

import { pageTop, viewportSize } from '@/lib/viewport';

/** What a rendered row puts on its <tr>: its place for the virtualizer and for screen readers. */
export interface WindowedRowProps {
  ref: Ref<HTMLTableRowElement>;
  'data-index': number;
}

export interface WindowedRowsProps {
  count: number;
  /** A stable key per row (the device id): measured heights follow the row, not its index. */
  rowKey: (index: number) => string;
  /** The estimated height of a row not measured yet, in pixels. */
  estimate: number;
  /** How many rows are rendered past each edge of the viewport. */
  overscan: number;
  /** Rows rendered wherever the window is (indexes; out-of-range ones are ignored). */
  pinned: readonly number[];
  /** The number of columns, for the spacer rows' single cell. */
  columns: number;
  renderRow: (index: number, props: WindowedRowProps) => ReactNode;
}

function Spacer({ height, columns }: { height: number; columns: number }) {
  return (
    <tr aria-hidden="true" data-spacer="" style={{ height }}>
      <td colSpan={columns} style={{ padding: 0, border: 0 }} />
    </tr>
  );
}

/** A row's height: its border box, or the estimate where there is no layout (jsdom, hidden). */
function measure(estimate: number) {
  return (element: Element, entry: ResizeObserverEntry | undefined): number => {
    const box = entry?.borderBoxSize[0];
    const height = box ? box.blockSize : element.getBoundingClientRect().height;
    return height > 0 ? Math.round(height) : estimate;
  };
}

export function WindowedRows({
  count,
  rowKey,
  estimate,
  overscan,
  pinned,
  columns,
  renderRow,
}: WindowedRowsProps) {
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  // Where the table body starts in the page (the virtualizer works in page offsets).
  const [margin, setMargin] = useState(0);
  const width = viewportSize().width;
  // Measured when the table is rendered anew (its props: what is above it may have changed) or
  // the window's width changes, not while the page scrolls: reading a layout right after the
  // rows changed would force one on every scroll frame.
  useLayoutEffect(() => {
    const body = bodyRef.current;
    if (!body) return;
    const top = pageTop(body);
    setMargin((previous) => (previous === top ? previous : top));
  }, [count, renderRow, width]);

  const pinnedKey = pinned.filter((i) => i >= 0 && i < count).join(',');
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (pinnedKey === '') return indexes;
      const extra = pinnedKey.split(',').map(Number);
      return [...new Set([...indexes, ...extra])].sort((a, b) => a - b);
    },
    [pinnedKey],
  );

  const virtualizer = useWindowVirtualizer({
    count,
    estimateSize: () => estimate,
    overscan,
    scrollMargin: margin,
    getItemKey: rowKey,
    rangeExtractor,
    measureElement: measure(estimate),
    // The first render already shows a window (not nothing until the window is measured).
    initialRect: viewportSize(),
  });

  const rows: ReactNode[] = [];
  // `start` and `end` count from the top of the page; the body starts at `margin`.
  let cursor = 0;
  for (const item of virtualizer.getVirtualItems()) {
    const gap = item.start - margin - cursor;
    if (gap > 0) {
      const key = rows.length === 0 ? 'before' : `gap-${item.key}`;
      rows.push(<Spacer key={key} height={gap} columns={columns} />);
    }
    rows.push(
      renderRow(item.index, {
        ref: virtualizer.measureElement,
        'data-index': item.index,
      }),
    );
    cursor = item.end - margin;
  }
  const rest = virtualizer.getTotalSize() - cursor;
  return (
    <TableBody ref={bodyRef}>
      {rows}
      {rest > 0 && <Spacer key="rest" height={rest} columns={columns} />}
    </TableBody>
  );
}
