/**
 * Measuring a laid-out page in the browser: how wide it is, whether any text
 * of the ladder's grids, comparison tables and pictures sits over other text
 * or outside its box, words broken in the middle, and content that a box
 * clips (the print test). Text is measured line by line: a Range's client
 * rects for HTML text, each <tspan> (each line) for SVG text. Visually hidden
 * text (clip-path, as .visually-hidden) is left out.
 */
import type { Page } from 'playwright-core';

/** What the text checks look at: the ladder's tables and every picture. */
export const TABLES = 'main table.grid, main table.compare, main table.lateral, main table.parity';
export const PICTURES = 'main .viz svg';

/**
 * Words this long or shorter ("Infrastructure", "Distinguished", "Grade") are
 * never broken: a column too narrow for them is a layout bug. A longer word
 * may break only where its cell has no room for it.
 */
const LONG_WORD = 16;

export interface TextOptions {
  /** SVG text smaller than this (the height of a line's box, in CSS pixels) is reported as illegible. */
  minSvgText: number;
}

/** The page's width beyond the viewport, and the elements that stick out. */
export function pageOverflow(page: Page): Promise<{ width: number; scrollWidth: number; culprits: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const scrollWidth = document.documentElement.scrollWidth;
    const culprits =
      scrollWidth <= width
        ? []
        : [...document.querySelectorAll('body *')]
            .filter((el) => el.getBoundingClientRect().right > width + 0.5)
            .slice(-5)
            .map(
              (el) =>
                `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${[...el.classList].join('.')} (right ${Math.round(el.getBoundingClientRect().right)})`,
            );
    return { width, scrollWidth, culprits };
  });
}

/**
 * Text over text, text outside its cell or picture, words broken mid-word
 * although they fit, and SVG text too small to read, in TABLES and PICTURES.
 * Each problem is a sentence; none is an empty list.
 */
export function textProblems(page: Page, options: TextOptions): Promise<string[]> {
  return page.evaluate(
    ({ tables, pictures, minSvgText, longWord }) => {
      const problems: string[] = [];
      const hiddenCache = new Map<Element, boolean>();
      /** Not drawn, or drawn clipped to nothing (visually hidden, for screen readers). */
      const hidden = (el: Element | null): boolean => {
        if (!el) return false;
        const known = hiddenCache.get(el);
        if (known !== undefined) return known;
        const s = getComputedStyle(el);
        const result = s.display === 'none' || s.visibility === 'hidden' || (s.clipPath !== 'none' && s.clipPath !== '') || hidden(el.parentElement);
        hiddenCache.set(el, result);
        return result;
      };
      const short = (text: string) => JSON.stringify(text.trim().replace(/\s+/g, ' ').slice(0, 48));
      const where = (el: Element) =>
        `${el.tagName.toLowerCase()}${el.classList.length ? `.${[...el.classList].join('.')}` : ''} ${short(el.textContent ?? '')}`;

      interface Box {
        left: number;
        top: number;
        right: number;
        bottom: number;
        text: string;
        owner: Element;
      }
      /** Overlapping by more than a pixel each way (line boxes of adjacent lines may touch). */
      const overlap = (a: Box, b: Box) =>
        Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
      const inside = (a: DOMRect | Box, b: DOMRect) => a.left >= b.left - 1 && a.right <= b.right + 1 && a.top >= b.top - 1 && a.bottom <= b.bottom + 1;
      const collide = (group: string, boxes: Box[]) => {
        boxes.sort((a, b) => a.top - b.top);
        for (let i = 0; i < boxes.length; i++) {
          for (let j = i + 1; j < boxes.length && boxes[j]!.top < boxes[i]!.bottom; j++) {
            const a = boxes[i]!;
            const b = boxes[j]!;
            if (a.owner !== b.owner && overlap(a, b)) problems.push(`${group}: ${short(a.text)} and ${short(b.text)} overlap`);
          }
        }
      };

      // HTML tables: every line of text inside its cell, no word broken that fits its cell.
      document.querySelectorAll(tables).forEach((table, t) => {
        const group = `${table.tagName.toLowerCase()}.${[...table.classList].join('.')} #${t + 1}`;
        const boxes: Box[] = [];
        const walker = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
        const range = document.createRange();
        for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
          if (!node.data.trim() || hidden(node.parentElement)) continue;
          const cell = node.parentElement!.closest('td, th, caption') ?? table;
          const box = cell.getBoundingClientRect();
          const style = getComputedStyle(cell);
          const room =
            box.width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - parseFloat(style.borderLeftWidth) - parseFloat(style.borderRightWidth);
          range.selectNodeContents(node);
          for (const r of range.getClientRects()) {
            if (r.width < 0.5 || r.height < 0.5) continue;
            const line = { left: r.left, top: r.top, right: r.right, bottom: r.bottom, text: node.data, owner: cell };
            boxes.push(line);
            if (!inside(r, box)) problems.push(`${group}: ${short(node.data)} runs out of its cell ${where(cell)}`);
          }
          for (const word of node.data.matchAll(/[^\s\-–—/]+/g)) {
            range.setStart(node, word.index);
            range.setEnd(node, word.index + word[0].length);
            const parts = [...range.getClientRects()].filter((r) => r.width >= 0.5);
            const width = parts.reduce((sum, r) => sum + r.width, 0);
            // A word of up to LONG_WORD letters must fit any column of the layout; a longer one only when its cell has room.
            if (parts.length > 1 && (word[0].length <= longWord || width <= room))
              problems.push(`${group}: "${word[0]}" is broken across lines in ${where(cell)} (${Math.round(width)}px in ${Math.round(room)}px)`);
          }
        }
        collide(group, boxes);
      });

      // Pictures: every line of text inside the picture, legible, and clear of every other.
      document.querySelectorAll(pictures).forEach((svg, s) => {
        if (hidden(svg)) return;
        const group = `${svg.closest('figure')?.className ?? 'svg'} #${s + 1}`;
        const frame = svg.getBoundingClientRect();
        const boxes: Box[] = [];
        for (const text of svg.querySelectorAll('text')) {
          if (hidden(text)) continue;
          const lines = [...text.querySelectorAll('tspan')].filter((t) => !hidden(t) && (t.textContent ?? '').trim() !== '');
          for (const part of lines.length > 0 ? lines : [text]) {
            const r = part.getBoundingClientRect();
            if (r.width < 0.5 || !(part.textContent ?? '').trim()) continue;
            boxes.push({ left: r.left, top: r.top, right: r.right, bottom: r.bottom, text: part.textContent ?? '', owner: part });
            if (!inside(r, frame))
              problems.push(
                `${group}: ${short(part.textContent ?? '')} is cut off by the picture's edge (${Math.round(r.left - frame.left)}..${Math.round(r.right - frame.left)} of ${Math.round(frame.width)}px)`,
              );
            if (r.height < minSvgText) problems.push(`${group}: ${short(part.textContent ?? '')} is drawn ${r.height.toFixed(1)}px tall, too small to read`);
          }
        }
        collide(group, boxes);
      });
      return problems;
    },
    { tables: TABLES, pictures: PICTURES, minSvgText: options.minSvgText, longWord: LONG_WORD },
  );
}

/**
 * On paper: the page and every table within the paper's width, no box that
 * clips what it holds (a scrolling region with a height cap prints only its
 * visible part), and every line of the tables' text on the paper.
 */
export function printProblems(page: Page): Promise<string[]> {
  return page.evaluate((tables) => {
    const problems: string[] = [];
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > width) problems.push(`the page is ${document.documentElement.scrollWidth}px wide on ${width}px of paper`);
    const clipped = (el: Element) => {
      const s = getComputedStyle(el);
      return s.clipPath !== 'none' && s.clipPath !== '';
    };
    for (const el of document.querySelectorAll('main *')) {
      const s = getComputedStyle(el);
      if (s.display === 'none' || (s.overflowX === 'visible' && s.overflowY === 'visible') || el instanceof SVGElement) continue;
      if (clipped(el) || el.closest('.visually-hidden')) continue;
      const name = `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`;
      if (el.scrollWidth > el.clientWidth + 1) problems.push(`${name} clips ${el.scrollWidth - el.clientWidth}px of its content sideways`);
      if (el.scrollHeight > el.clientHeight + 1) problems.push(`${name} clips ${el.scrollHeight - el.clientHeight}px of its content at the bottom`);
    }
    document.querySelectorAll(tables).forEach((table, t) => {
      const r = table.getBoundingClientRect();
      const name = `${table.tagName.toLowerCase()}.${[...table.classList].join('.')} #${t + 1}`;
      if (r.width > 0 && (r.right > width + 0.5 || r.left < -0.5))
        problems.push(`${name} spans ${Math.round(r.left)}..${Math.round(r.right)}px on ${width}px of paper`);
      for (const cell of table.querySelectorAll('td, th')) {
        const c = cell.getBoundingClientRect();
        // A stacked table's header row is visually hidden (each cell names its column): not on paper.
        const head = cell.closest('thead');
        if (head && clipped(head)) continue;
        if (c.width > 0 && (c.right > width + 0.5 || c.left < -0.5))
          problems.push(
            `${name}: the cell ${JSON.stringify((cell.textContent ?? '').trim().slice(0, 40))} is off the paper (${Math.round(c.left)}..${Math.round(c.right)}px)`,
          );
      }
    });
    return problems;
  }, TABLES);
}
