/**
 * Markdown bodies too intricate to be text an editor wrote, refused before
 * they reach the Markdown parser. Quotes or lists nested thousands deep cost
 * Sätteri time that grows with the square of the depth (50,000 `>` take a
 * second, 1,000,000 more than two minutes) and give trees whose depth
 * overflows the stack of any recursive walk of them (about 20,000). Marks
 * cost Sätteri linear time (500,000 `*` in 0.2 s), but remark's emphasis and
 * link rules grew with their square (4,000 `*` took seconds, 16,000
 * overflowed the stack): their limits stay, so that the check does not
 * depend on which parser reads the body. A career-ladder page has a handful
 * of each; the limits are far above that and far below any cliff. Works on
 * the text alone.
 */

/** Emphasis, code, strike-through, link and angle-bracket marks. */
const MARK = /[*_`~[\]<>]/g;
/** Marks in one paragraph (lines between blank lines), and in a whole body. */
export const MAX_MARKS_PER_BLOCK = 1_000;
export const MAX_MARKS_PER_BODY = 10_000;
/** Quotes and list items nested in one another. */
export const MAX_NESTING = 32;

/** The prefix of quote and list markers that opens a line: "> > - 1. ". */
const CONTAINERS = /^(?:[ \t]*(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)))*/;

export interface ComplexityFinding {
  /** 1-based line in the body, and column. */
  line: number;
  column: number;
  message: string;
}

/**
 * A line that opens with 33 or more characters that a quote or list prefix
 * is made of: none can nest deeper than MAX_NESTING without one (each level
 * is at least one character), so a body without such a line needs no
 * line-by-line look at its nesting.
 */
const LONG_PREFIX = new RegExp(`^[ \\t>*+\\-0-9.)]{${MAX_NESTING + 1}}`, 'm');

/** Why the body should not be parsed, at the line where its first excess starts; undefined when it may. */
export function tooComplex(body: string): ComplexityFinding | undefined {
  // Every body an editor writes: no deep prefix, and fewer marks in all than one paragraph may hold. One pass, no lines cut.
  if (!LONG_PREFIX.test(body) && marks(body, MAX_MARKS_PER_BLOCK) <= MAX_MARKS_PER_BLOCK) return undefined;
  const lines = body.split('\n');
  let total = 0;
  let block = 0;
  let blockStart = 0;
  for (const [i, line] of lines.entries()) {
    const depth = (CONTAINERS.exec(line)?.[0].match(/>|[-*+]|\d+[.)]/g) ?? []).length;
    if (depth > MAX_NESTING) {
      return { line: i + 1, column: 1, message: `This line nests quotes or lists ${depth} deep, more than ${MAX_NESTING}: write them flatter` };
    }
    if (line.trim() === '') {
      block = 0;
      blockStart = i + 1;
      continue;
    }
    const marks = line.match(MARK)?.length ?? 0;
    block += marks;
    total += marks;
    if (block > MAX_MARKS_PER_BLOCK) {
      return {
        line: blockStart + 1,
        column: 1,
        message: `This paragraph holds more than ${MAX_MARKS_PER_BLOCK.toLocaleString('en')} Markdown marks (* _ \` ~ [ ] < >), which is not text an editor writes and would take the site minutes to read: split it, or remove the marks`,
      };
    }
    if (total > MAX_MARKS_PER_BODY) {
      return {
        line: i + 1,
        column: 1,
        message: `The text holds more than ${MAX_MARKS_PER_BODY.toLocaleString('en')} Markdown marks (* _ \` ~ [ ] < >), which is not text an editor writes: split it into several files, or remove the marks`,
      };
    }
  }
  return undefined;
}

/** How many of MARK's characters a text holds, counted up to one more than `limit`. */
function marks(text: string, limit: number): number {
  // A regular expression finds the next mark much faster than a loop over every character.
  const mark = new RegExp(MARK.source, 'g');
  let count = 0;
  while (count <= limit && mark.test(text)) count++;
  return count;
}
