/**
 * A word diff that gives exactly the result of jsdiff's diffWordsWithSpace,
 * many times faster.
 *
 * Promotion pages diff every section of a level against the next level's.
 * Those texts are mostly rewritten, the worst case of Myers's algorithm
 * (O(D²) with D close to the number of tokens), and jsdiff spends it
 * allocating one path object per step: a third of the CPU of a 1,000-level
 * site build (see docs/performance.md). This is the same algorithm, step for step (the same
 * diagonal pruning, the same choice between insertion and deletion, the same
 * reuse of bestPath slots, so the same edit script), on tokens interned to
 * integers, with the paths in flat typed arrays. tests/bench/worddiff.test.ts
 * checks it against jsdiff on the sample and on random texts.
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

/** The changes between two texts, word by word, keeping whitespace: diffWordsWithSpace(before, after). */
export function diffWordsWithSpace(before: string, after: string): WordChange[] {
  const oldTokens = tokenize(before);
  const newTokens = tokenize(after);
  // Intern tokens: equal strings, equal integers.
  const ids = new Map<string, number>();
  const intern = (tokens: string[]) => {
    const out = new Int32Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) {
      let id = ids.get(tokens[i]!);
      if (id === undefined) ids.set(tokens[i]!, (id = ids.size));
      out[i] = id;
    }
    return out;
  };
  const o = intern(oldTokens);
  const n = intern(newTokens);
  const oldLen = o.length;
  const newLen = n.length;

  // The leading run of equal tokens, before any edit.
  let prefix = 0;
  while (prefix < oldLen && prefix < newLen && o[prefix] === n[prefix]) prefix++;
  if (prefix >= oldLen && prefix >= newLen) return build(oldTokens, newTokens, NONE, prefix);

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
    const from = minDiagonal > -edit ? minDiagonal : -edit;
    const to = maxDiagonal < edit ? maxDiagonal : edit;
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
      if (oldPos + 1 >= oldLen && newPos + 1 >= newLen) return build(oldTokens, newTokens, node, prefix);
      bestOld[at] = oldPos;
      bestNode[at] = node;
      if (oldPos + 1 >= oldLen && k - 1 < maxDiagonal) maxDiagonal = k - 1;
      if (newPos + 1 >= newLen && k + 1 > minDiagonal) minDiagonal = k + 1;
    }
  }
  // Unreachable: an edit script of length oldLen + newLen always exists.
  throw new Error('word diff: no edit script found');
}

/** The changes along a path, merged as jsdiff merges them: consecutive edits of one kind form one change. */
function build(oldTokens: string[], newTokens: string[], last: number, leading: number): WordChange[] {
  // Components in reverse: [kind, count] with kind 0 = equal.
  const reversed: [number, number][] = [];
  for (let node = last; node !== NONE; node = parent[node]!) {
    const equal = common[node]!;
    if (equal > 0) reversed.push([0, equal]);
    const kind = op[node]!;
    const previous = reversed.at(-1);
    // jsdiff extends the last component only if it is an edit of the same kind with no equal run since.
    if (previous && previous[0] === kind && equal === 0) previous[1]++;
    else reversed.push([kind, 1]);
  }
  if (leading > 0) reversed.push([0, leading]);
  const changes: WordChange[] = [];
  let oldPos = 0;
  let newPos = 0;
  for (let i = reversed.length - 1; i >= 0; i--) {
    const [kind, count] = reversed[i]!;
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
