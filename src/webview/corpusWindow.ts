/**
 * The Corpus view's table body as a window on the rows: of a long list, only the rows on screen
 * (and a few either side) are in the DOM, between two spacers as tall as the rows left out, as
 * VS Code's own lists do. Every row is as tall as the first one drawn (the cells do not wrap), so a
 * row's place follows from its index. Short lists (up to ALL_UP_TO rows) are drawn whole.
 */

/** Lists this long or shorter are drawn whole: laying them out costs little, and Find sees every row. */
export const ALL_UP_TO = 200;
/** Rows drawn beyond each edge of the screen, so short scrolls need no redraw. */
const OVERSCAN = 12;
/** A guess of the row height before one is measured: low, so the first window covers the screen. */
const GUESS = 18;

export class RowWindow<T> {
  private items: readonly T[] = [];
  private rowHeight = 0;
  /** The rows drawn: [first, end). */
  private first = 0;
  private end = 0;

  /**
   * @param scroller the scrolling element holding `before`, the table and `after`
   * @param draw one table row for an item and its index in the list
   */
  constructor(
    private readonly scroller: HTMLElement,
    private readonly thead: HTMLElement,
    private readonly tbody: HTMLTableSectionElement,
    private readonly before: HTMLElement,
    private readonly after: HTMLElement,
    private readonly draw: (item: T, index: number) => HTMLTableRowElement,
    /** After each redraw; `hadFocus`: a drawn row had the focus, which the redraw took away. */
    private readonly drawn: (hadFocus: boolean) => void,
  ) {
    let pending = false;
    const follow = (): void => {
      if (pending) return;
      pending = true;
      requestAnimationFrame(() => {
        pending = false;
        this.update(false);
      });
    };
    scroller.addEventListener('scroll', follow, { passive: true });
    window.addEventListener('resize', follow);
  }

  /** Draws `items` (a new list, or the same one sorted or filtered otherwise) from the current scroll position. */
  set(items: readonly T[]): void {
    this.items = items;
    this.update(true);
  }

  /** The drawn row of the item at `index`, if it is drawn. */
  row(index: number): HTMLTableRowElement | undefined {
    if (index < this.first || index >= this.end) return undefined;
    return this.tbody.rows[index - this.first];
  }

  /** Rows a page holds (for PageUp/PageDown). */
  pageRows(): number {
    return Math.max(1, Math.floor(window.innerHeight / Math.max(this.rowHeight, 1)) - 3);
  }

  /** Scrolls the item at `index` into view (below the sticky header) and draws it. */
  reveal(index: number): HTMLTableRowElement | undefined {
    if (index < 0 || index >= this.items.length) return undefined;
    if (this.rowHeight > 0) {
      const s = this.scroller;
      const header = this.thead.getBoundingClientRect().height;
      const top = index * this.rowHeight;
      if (top < s.scrollTop) s.scrollTop = top;
      else if (header + top + this.rowHeight > s.scrollTop + s.clientHeight) s.scrollTop = header + top + this.rowHeight - s.clientHeight;
    }
    this.update(false);
    const row = this.row(index);
    // Not laid out when drawn (no height known): the browser's own scrolling.
    if (this.rowHeight === 0) row?.scrollIntoView({ block: 'nearest' });
    return row;
  }

  /** Redraws the window if the screen shows rows outside it (or always, `force`). */
  private update(force: boolean): void {
    const n = this.items.length;
    let first = 0;
    let end = n;
    if (n > ALL_UP_TO) {
      const h = this.rowHeight || GUESS;
      const header = this.rowHeight ? this.thead.getBoundingClientRect().height : 0;
      const top = this.scroller.scrollTop;
      const seenFirst = Math.min(n - 1, Math.max(0, Math.floor((top - header) / h)));
      const seenEnd = Math.min(n, Math.ceil((top + this.scroller.clientHeight) / h));
      if (!force && seenFirst >= this.first && seenEnd <= this.end) return;
      first = Math.max(0, seenFirst - OVERSCAN);
      end = Math.min(n, Math.max(seenEnd + OVERSCAN, first + 1));
    } else if (!force) {
      return;
    }
    this.paint(first, end);
    if (this.rowHeight === 0 && this.tbody.rows.length > 0) {
      // The first rows drawn give the height of all: a long list's window again, now that it is known.
      this.rowHeight = this.tbody.rows[0].getBoundingClientRect().height;
      if (n > ALL_UP_TO && this.rowHeight > 0) this.update(true);
    }
  }

  private paint(first: number, end: number): void {
    const fragment = document.createDocumentFragment();
    for (let i = first; i < end; i++) fragment.append(this.draw(this.items[i], i));
    this.first = first;
    this.end = end;
    const h = this.rowHeight || GUESS;
    const virtual = this.items.length > ALL_UP_TO;
    const hadFocus = this.tbody.contains(document.activeElement);
    // The rows replaced, then the spacers set: the browser keeps the scroll position (when the
    // rows removed had the focus it moves it, so it is put back).
    const top = this.scroller.scrollTop;
    this.tbody.replaceChildren(fragment);
    this.before.style.height = virtual ? `${first * h}px` : '0';
    this.after.style.height = virtual ? `${(this.items.length - end) * h}px` : '0';
    if (virtual && this.scroller.scrollTop !== top) this.scroller.scrollTop = top;
    this.drawn(hadFocus);
  }
}
