/**
 * Characters that are not text: the one place that says which characters a
 * text field may not hold, how a terminal is shown one safely, and what an
 * invisible or look-alike character is called.
 *
 * - The schema rejects control characters (C0, DEL, C1) and bidirectional
 *   overrides and isolates (U+202A–U+202E, U+2066–U+2069) in every text field:
 *   they are invisible in an editor, and in a terminal, a page or a
 *   spreadsheet they clear the screen, retitle the window, or show a title
 *   reversed ("Trojan Source"). A newline and a tab are allowed only in
 *   prose fields (a summary, a reason).
 * - Every terminal formatter (text, github, the text and Markdown diff)
 *   writes what came from content or from a file name through `visible()`,
 *   which spells each such character as `\u{1b}`: a file named
 *   "a\nb.md:1:1  error  ..." cannot forge a diagnostic line.
 */

/** C0 controls except tab and newline, DEL, C1 controls, bidi overrides and isolates, line and paragraph separators. */
// eslint-disable-next-line no-control-regex
const CONTROL_IN_PROSE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;
/** The same, and tab and newline: for one-line fields such as a name or a title. */
// eslint-disable-next-line no-control-regex
const CONTROL_IN_LINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;
// eslint-disable-next-line no-control-regex
const UNSAFE_FOR_TERMINAL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

/** The code point as "U+001B". */
export function codePoint(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

const NAMES: Record<number, string> = {
  0x00: 'NUL',
  0x07: 'a bell (BEL)',
  0x08: 'a backspace',
  0x09: 'a tab',
  0x0a: 'a line break',
  0x0d: 'a carriage return',
  0x1b: 'an escape character (ESC)',
  0x7f: 'a delete character (DEL)',
  0x9b: 'a control sequence introducer (CSI)',
  0xa0: 'a no-break space',
  0xad: 'a soft hyphen',
  0x200b: 'a zero-width space',
  0x200c: 'a zero-width non-joiner',
  0x200d: 'a zero-width joiner',
  0x200e: 'a left-to-right mark',
  0x200f: 'a right-to-left mark',
  0x2028: 'a line separator',
  0x2029: 'a paragraph separator',
  0x202a: 'a left-to-right embedding',
  0x202b: 'a right-to-left embedding',
  0x202c: 'a pop directional formatting',
  0x202d: 'a left-to-right override',
  0x202e: 'a right-to-left override',
  0x2060: 'a word joiner',
  0x2066: 'a left-to-right isolate',
  0x2067: 'a right-to-left isolate',
  0x2068: 'a first strong isolate',
  0x2069: 'a pop directional isolate',
  0xfeff: 'a zero-width no-break space (BOM)',
};

/** "a zero-width space (U+200B)", "the Cyrillic letter а (U+0430)", "a control character (U+0001)". */
export function describeCharacter(char: string): string {
  const cp = char.codePointAt(0) ?? 0;
  const name = NAMES[cp];
  if (name) return name.endsWith(')') ? `${name.slice(0, -1)}, ${codePoint(char)})` : `${name} (${codePoint(char)})`;
  if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) return `a control character (${codePoint(char)})`;
  if (/\p{Script=Cyrillic}/u.test(char)) return `the Cyrillic letter ${char} (${codePoint(char)})`;
  if (/\p{Script=Greek}/u.test(char)) return `the Greek letter ${char} (${codePoint(char)})`;
  if (/\p{Default_Ignorable_Code_Point}|\p{Cf}/u.test(char)) return `an invisible character (${codePoint(char)})`;
  if (/\p{Zs}/u.test(char)) return `a special space (${codePoint(char)})`;
  return `the character ${char} (${codePoint(char)})`;
}

/**
 * Why a text field may not hold this text (its first forbidden character and
 * where), or undefined when it may. `prose` allows tabs and line breaks.
 */
export function forbiddenCharacter(text: string, prose = false): string | undefined {
  const found = forbiddenAt(text, prose);
  return found && `contains ${found.what} at character ${found.character}: remove it (${WHY})`;
}

const WHY = 'it is invisible in an editor, and can change what a terminal, a page or a spreadsheet shows';

/**
 * The first character a text may not hold: its name, its index in the string
 * (UTF-16, as editors count columns) and its position in characters.
 */
export function forbiddenAt(text: string, prose = false): { what: string; index: number; character: number } | undefined {
  const match = (prose ? CONTROL_IN_PROSE : CONTROL_IN_LINE).exec(text);
  if (!match) return undefined;
  return { what: describeCharacter(match[0]), index: match.index, character: [...text.slice(0, match.index)].length + 1 };
}

/**
 * Every line of a Markdown body that holds a character no text may hold
 * (the same ones as a prose field: controls, bidi overrides and isolates,
 * line separators), with its 1-based line in the body and column: a heading,
 * a bullet or a link text reaches pages, CSV files and terminals like a field does.
 */
export function forbiddenInBody(body: string): { line: number; column: number; message: string }[] {
  const out: { line: number; column: number; message: string }[] = [];
  // Nearly every body has none: one look at the whole text, and lines only when it has one.
  if (!CONTROL_IN_PROSE.test(body)) return out;
  for (const [i, line] of body.split('\n').entries()) {
    const found = forbiddenAt(line, true);
    if (found) out.push({ line: i + 1, column: found.index + 1, message: `This line contains ${found.what}: remove it (${WHY})` });
  }
  return out;
}

/**
 * Text from outside the ladder (a commit subject, say) as one line a page, a
 * feed or a terminal can show: tabs and line breaks become spaces, and other
 * control characters, bidi overrides and isolates are removed.
 */
export function printable(text: string): string {
  return text.replace(/[\t\n\r\u2028\u2029]/g, ' ').replace(UNSAFE_FOR_TERMINAL, '');
}

/**
 * Text as a terminal or a CI log may show it: every control character, bidi
 * control and line separator spelled as `\u{1b}`, and a backslash that
 * would start such a spelling doubled, so that the result is one line and
 * cannot be mistaken for what it replaced.
 */
export function visible(text: string): string {
  return text.replace(/\\u\{/g, '\\\\u{').replace(UNSAFE_FOR_TERMINAL, (c) => `\\u{${(c.codePointAt(0) ?? 0).toString(16)}}`);
}

/** Spaces that look like a space: a heading written with one matches as if it were one. */
export const SPACE_LIKE = /[\u00a0\u2000-\u200a\u202f\u205f\u3000]/gu;

/** Characters that are invisible: a heading with one looks like another it does not match. */
export const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff\u202a-\u202e\u2066-\u2069]/u;

/**
 * A name or heading as it is compared: every space-like character (a
 * no-break space, say) is a space, runs of spaces are one, no space at
 * either end, lower case. "Technical\u00a0Craft" and "technical craft" are equal.
 */
export function comparable(text: string): string {
  return text.replace(SPACE_LIKE, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * The characters of `text` that make it look like something it is not: an
 * invisible character (a zero-width space), a space that is not a space,
 * or a letter of another script than the rest of the text and of `expected`
 * (a Cyrillic а in a Latin word). Each is named by describeCharacter, once.
 */
export function lookAlikes(text: string, expected = ''): string[] {
  const scripts = (s: string) => new Set([...s].flatMap((c) => (/\p{L}/u.test(c) ? [scriptOf(c)] : [])));
  const usual = scripts(expected);
  const letters = [...text].filter((c) => /\p{L}/u.test(c));
  // The script most letters of the text are in (Latin for "Crаft").
  const counts = new Map<string, number>();
  for (const c of letters) counts.set(scriptOf(c), (counts.get(scriptOf(c)) ?? 0) + 1);
  const main = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const odd = new Set<string>();
  for (const c of text) {
    const invisible = INVISIBLE.test(c) || new RegExp(SPACE_LIKE.source, 'u').test(c);
    const foreign = /\p{L}/u.test(c) && scriptOf(c) !== main && (usual.size === 0 || !usual.has(scriptOf(c)));
    if (invisible || foreign) odd.add(c);
  }
  return [...odd].map(describeCharacter);
}

function scriptOf(char: string): string {
  for (const script of ['Latin', 'Cyrillic', 'Greek', 'Armenian', 'Cherokee']) if (new RegExp(`\\p{Script=${script}}`, 'u').test(char)) return script;
  return 'other';
}

/** "company" → "Company": the one capitalize of phrases and labels (a leaf module, so the browser scripts may take it). */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
