/**
 * The prose of a cell as a level's section: lists stay lists, paragraphs and
 * lines that start a new sentence become bullets, a line break in the middle
 * of a sentence stays inside its bullet; a cell that only says "-", "n/a" or
 * "TBD" is empty; "see E3" is the text of that level's cell.
 */

/** Cells that say "nothing here": left empty, so the level gets a TODO placeholder instead of a bullet "- -". */
const BLANK = /^(?:[-–—_.…]+|n\/?a\.?|not applicable|tbd|tbc|to be defined|\?+)$/i;

export const isBlankCell = (text: string): boolean => BLANK.test(text.trim());

/** A line that starts a list item: "-", "*", "+", "•" and the like, "1.", "1)", "a)". */
const ITEM = /^(?:[-*+•·▪◦‣–—]\s+|[•·▪◦‣]\s*|\d{1,3}[.)]\s+|[a-z]\)\s+)/;
const MARKDOWN_ITEM = /^(?:[-*+] |\d{1,3}[.)] )/;
/** Words after which a sentence cannot end: a line ending with one goes on on the next line. */
const GOES_ON =
  /(?:[,\-–—(&/]|\b(?:the|a|an|of|to|in|on|for|with|and|or|nor|but|by|at|from|as|into|their|its|is|are|be|that|which|who|than|via|per|across|within|between|such)\b)$/i;

interface Item {
  text: string;
  /** Whether the line started with a list mark. */
  marked: boolean;
}

/** The items of a cell: one per list item, paragraph or sentence-starting line. */
export function proseItems(value: string): Item[] {
  const items: Item[] = [];
  let current: Item | undefined;
  let previousBlank = true;
  for (const raw of value.split('\n')) {
    const line = raw.trim();
    if (line === '') {
      previousBlank = true;
      continue;
    }
    const marked = ITEM.test(line);
    // A new item after a blank line or at a list mark; otherwise a line goes on the item above when it starts in
    // lower case ("...in stand-ups\nand in the team channel") or the line above cannot end a sentence ("...with the").
    const continues = current !== undefined && !previousBlank && !marked && (/^[a-z0-9(]/.test(line) || GOES_ON.test(current.text));
    if (continues) current!.text = `${current!.text} ${line}`;
    else {
      if (current !== undefined) items.push(current);
      current = { text: line, marked };
    }
    previousBlank = false;
  }
  if (current !== undefined) items.push(current);
  return items;
}

/**
 * Prose from one cell as Markdown: each item of {@link proseItems} a bullet
 * (a Markdown list stays one), and the list items after a line ending in ":"
 * nested under it ("Estimates epics:" then "- breaks them into tasks").
 */
export function proseToMarkdown(value: string): string {
  let lead = false;
  return proseItems(value)
    .map((item) => {
      const line = MARKDOWN_ITEM.test(item.text) ? item.text : `- ${item.text.replace(/^(?:[•·▪◦‣–—]\s*|[*+]\s+)/, '')}`;
      if (!item.marked) {
        lead = item.text.endsWith(':');
        return line;
      }
      return lead ? `  ${line}` : line;
    })
    .join('\n');
}

/**
 * "see E3", "Same as Senior Engineer", "as E3.", "see previous": the level
 * whose cell this one points to, by one of its names (code or title,
 * compared without case or punctuation), or "previous" for the column or row
 * before. undefined when the cell is no such pointer.
 */
export function referenceIn(text: string): string | undefined {
  const match = /^(?:see|same as|as(?: for| in| per)?|refer to|cf\.?|ditto)\s+(.{1,60}?)[.!]?$/i.exec(text.trim());
  if (!match) return undefined;
  const target = match[1]!.trim();
  if (/^(?:previous|prior|left|before|above|the previous level|previous level)$/i.test(target)) return 'previous';
  return target;
}
