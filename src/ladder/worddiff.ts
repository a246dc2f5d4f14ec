/**
 * The one word-diff engine: exactly the edit scripts of jsdiff's
 * diffWordsWithSpace (the promotion pages) and diffWords (`ladder diff`'s
 * excerpts), many times faster.
 *
 * Promotion pages diff every section of a level against the next level's.
 * Those texts are mostly rewritten, the worst case of Myers's algorithm
 * (O(D²) with D close to the number of tokens), and jsdiff spends it
 * allocating one path object per step: a third of the CPU of a 1,000-level
 * site build (see docs/performance.md). This is the same algorithm, step for step (the same
 * diagonal pruning, the same choice between insertion and deletion, the same
 * reuse of bestPath slots, so the same edit script), on tokens interned to
 * integers, with the paths in flat typed arrays. tests/bench/worddiff.test.ts
 * checks both against jsdiff (a development dependency only) on the sample,
 * generated ladders and random texts.
 */

/** One change, as jsdiff reports it. */
export interface WordChange {
  value: string;
  count: number;
  added: boolean;
  removed: boolean;
}

// jsdiff's WordsWithSpaceDiff tokenizer: each newline, each run of word characters (Latin
// letters with diacritics included), each run of other whitespace, each other character.
const WORD = 'a-zA-Z0-9_\\u{AD}\\u{C0}-\\u{D6}\\u{D8}-\\u{F6}\\u{F8}-\\u{2C6}\\u{2C8}-\\u{2D7}\\u{2DE}-\\u{2FF}\\u{1E00}-\\u{1EFF}';
const TOKEN = new RegExp(`(\\r?\\n)|[${WORD}]+|[^\\S\\n\\r]+|[^${WORD}]`, 'gu');

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

const NONE = -1;
const UNSET = -2;
const ADD = 1;
const REMOVE = 2;

/**
 * Paths of the edit graph, as a persistent linked list in flat arrays shared
 * by every call: node i is one edit (op[i], an insertion or a deletion) on
 * top of node parent[i], followed by common[i] equal tokens.
 */
let parent = new Int32Array(1 << 16);
let op = new Uint8Array(1 << 16);
let common = new Int32Array(1 << 16);

function grow(): void {
  const size = parent.length * 2;
  const p = new Int32Array(size);
  p.set(parent);
  const o = new Uint8Array(size);
  o.set(op);
  const c = new Int32Array(size);
  c.set(common);
  parent = p;
  op = o;
  common = c;
}

/** Equal strings, equal integers (one numbering for both sides). */
function internAll(oldTokens: readonly string[], newTokens: readonly string[]): [Int32Array, Int32Array] {
  const ids = new Map<string, number>();
  const intern = (tokens: readonly string[]) => {
    const out = new Int32Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) {
      let id = ids.get(tokens[i]!);
      if (id === undefined) ids.set(tokens[i]!, (id = ids.size));
      out[i] = id;
    }
    return out;
  };
  return [intern(oldTokens), intern(newTokens)];
}

/** A run of the edit script: kind (EQUAL, ADD or REMOVE) and how many tokens. */
type Component = [kind: number, count: number];
const EQUAL = 0;

/** The changes between two texts, word by word, keeping whitespace: diffWordsWithSpace(before, after). */
export function diffWordsWithSpace(before: string, after: string): WordChange[] {
  const oldTokens = tokenize(before);
  const newTokens = tokenize(after);
  const script = editScript(...internAll(oldTokens, newTokens));
  const changes: WordChange[] = [];
  let oldPos = 0;
  let newPos = 0;
  for (const [kind, count] of script) {
    if (kind === REMOVE) {
      changes.push({ count, added: false, removed: true, value: oldTokens.slice(oldPos, oldPos + count).join('') });
      oldPos += count;
    } else {
      changes.push({ count, added: kind === ADD, removed: false, value: newTokens.slice(newPos, newPos + count).join('') });
      newPos += count;
      if (kind !== ADD) oldPos += count;
    }
  }
  return changes;
}

/** The words and punctuation marks of a text (whitespace is no token), where each starts and ends. */
function units(text: string): { tokens: string[]; start: number[]; end: number[] } {
  const tokens: string[] = [];
  const start: number[] = [];
  const end: number[] = [];
  for (const match of text.matchAll(TOKEN)) {
    if (/^\s/.test(match[0])) continue;
    tokens.push(match[0]);
    start.push(match.index);
    end.push(match.index + match[0].length);
  }
  return { tokens, start, end };
}

/**
 * The changes between two texts, word by word, whitespace aside: the edit
 * script of jsdiff's diffWords(before, after) (its tokens are the words and
 * punctuation marks, compared without the whitespace around them). Each
 * value is the text of its words as written, without the whitespace at its
 * edges; `count` counts words and marks.
 */
export function diffWords(before: string, after: string): WordChange[] {
  const a = units(before);
  const b = units(after);
  const script = editScript(...internAll(a.tokens, b.tokens));
  const text = (side: typeof a, source: string, from: number, count: number) => source.slice(side.start[from], side.end[from + count - 1]);
  const changes: WordChange[] = [];
  let oldPos = 0;
  let newPos = 0;
  for (const [kind, count] of script) {
    if (kind === REMOVE) {
      changes.push({ count, added: false, removed: true, value: text(a, before, oldPos, count) });
      oldPos += count;
    } else {
      changes.push({ count, added: kind === ADD, removed: false, value: text(b, after, newPos, count) });
      newPos += count;
      if (kind !== ADD) oldPos += count;
    }
  }
  return changes;
}

/** jsdiff's Myers diff of two token sequences, as runs of equal, added and removed tokens in order. */
function editScript(o: Int32Array, n: Int32Array): Component[] {
  const oldLen = o.length;
  const newLen = n.length;

  // The leading run of equal tokens, before any edit.
  let prefix = 0;
  while (prefix < oldLen && prefix < newLen && o[prefix] === n[prefix]) prefix++;
  if (prefix >= oldLen && prefix >= newLen) return components(NONE, prefix);

  const maxEdit = oldLen + newLen;
  // jsdiff's bestPath[k], for diagonals k in [-maxEdit - 1, maxEdit + 1]: the path's oldPos and its node (UNSET: no path).
  const offset = maxEdit + 1;
  const bestOld = new Int32Array(2 * offset + 1);
  const bestNode = new Int32Array(2 * offset + 1).fill(UNSET);
  bestOld[offset] = prefix - 1;
  bestNode[offset] = NONE;
  let size = 0;
  let minDiagonal = -offset;
  let maxDiagonal = offset;

  for (let edit = 1; edit <= maxEdit; edit++) {
    const from = Math.max(minDiagonal, -edit);
    const to = Math.min(maxDiagonal, edit);
    for (let k = from; k <= to; k += 2) {
      const at = offset + k;
      const removeNode = bestNode[at - 1]!;
      const addNode = bestNode[at + 1]!;
      const removeOld = bestOld[at - 1]!;
      const addOld = bestOld[at + 1]!;
      // jsdiff frees the slot it could branch off by deletion.
      if (removeNode !== UNSET) bestNode[at - 1] = UNSET;
      const canAdd = addNode !== UNSET && addOld - k >= 0 && addOld - k < newLen;
      const canRemove = removeNode !== UNSET && removeOld + 1 < oldLen;
      if (!canAdd && !canRemove) {
        bestNode[at] = UNSET;
        continue;
      }
      if (size === parent.length) grow();
      const node = size++;
      let oldPos: number;
      if (!canRemove || (canAdd && removeOld < addOld)) {
        oldPos = addOld;
        parent[node] = addNode;
        op[node] = ADD;
      } else {
        oldPos = removeOld + 1;
        parent[node] = removeNode;
        op[node] = REMOVE;
      }
      // Follow the diagonal while the tokens are equal.
      let newPos = oldPos - k;
      const start = oldPos;
      while (newPos + 1 < newLen && oldPos + 1 < oldLen && o[oldPos + 1] === n[newPos + 1]) {
        newPos++;
        oldPos++;
      }
      common[node] = oldPos - start;
      if (oldPos + 1 >= oldLen && newPos + 1 >= newLen) return components(node, prefix);
      bestOld[at] = oldPos;
      bestNode[at] = node;
      if (oldPos + 1 >= oldLen && k - 1 < maxDiagonal) maxDiagonal = k - 1;
      if (newPos + 1 >= newLen && k + 1 > minDiagonal) minDiagonal = k + 1;
    }
  }
  // Unreachable: an edit script of length oldLen + newLen always exists.
  throw new Error('word diff: no edit script found');
}

/** The runs along a path, merged as jsdiff merges them: consecutive edits of one kind form one run. */
function components(last: number, leading: number): Component[] {
  // Components in reverse: [kind, count] with kind EQUAL = 0.
  const reversed: Component[] = [];
  for (let node = last; node !== NONE; node = parent[node]!) {
    const equal = common[node]!;
    if (equal > 0) reversed.push([EQUAL, equal]);
    const kind = op[node]!;
    const previous = reversed.at(-1);
    // jsdiff extends the last component only if it is an edit of the same kind with no equal run since.
    if (previous && previous[0] === kind && equal === 0) previous[1]++;
    else reversed.push([kind, 1]);
  }
  if (leading > 0) reversed.push([EQUAL, leading]);
  return reversed.reverse();
}
