/**
 * What a spreadsheet says about a level in one cell: its code ("E1", "IC4",
 * "M2", "Level 3"), its title, and the years of experience some sheets put
 * in brackets ("Engineer II (2-6+)"). Also the words that tell a level from
 * a competency, and a manager from an individual contributor, for the
 * layouts whose headers say neither.
 */

/** A level code as written: `E1` is prefix "E", grade 1; `Level 3` is prefix "", grade 3. */
export interface LevelCode {
  prefix: string;
  grade: number;
  text: string;
}

export interface LevelHeading {
  /** The title without its code or experience; undefined when the cell is only a code. */
  title: string | undefined;
  code: LevelCode | undefined;
  /** "2-6+" from "Engineer II (2-6+)", "5+ years" from "(5+ years)". */
  experience: string | undefined;
}

/** Upper-case letters then a number (E1, IC4, L 3, SDE-2), or "Level 3", "Grade 3", "Band 3"; alone, a number (3). */
const LETTERS = String.raw`[A-Z]{1,4}[ -]?\d{1,2}`;
const WORDS = String.raw`(?:[Ll]evel|LEVEL|[Ll]vl|[Gg]rade|GRADE|[Bb]and)\s*[-#]?\s*\d{1,2}`;
const CODE = `(?:${WORDS}|${LETTERS})`;
const CODE_ONLY = new RegExp(`^(?:${CODE}|\\d{1,2})$`);
const LEADING = new RegExp(`^(${CODE})\\s*(?:[-–—:|.)]\\s*|\\s+)(\\S.*)$`, 's');
const BRACKETED = new RegExp(`^(.*\\S)\\s*[([]\\s*(${CODE})\\s*[)\\]]$`, 's');
const TRAILING = new RegExp(`^(.*[^\\s:|,–—-])\\s*(?:[-–—:|,]\\s*|\\s+)(${CODE})$`, 's');
/** "(<1-2)", "(2-6+)", "(5+ years)", "(3–5 yrs)". */
const EXPERIENCE = /^(.*\S)\s*\(\s*([<>~≤≥]?\s*\d{1,2}(?:\s*[-–]\s*\d{1,2})?\s*\+?)\s*(years?|yrs?|y)?\s*(?:of experience|exp\.?)?\s*\)$/is;

/** A cell that is only a code: "E1", "IC 4", "Level 3". undefined otherwise. */
export function parseCode(raw: string): LevelCode | undefined {
  const text = raw.trim();
  if (!CODE_ONLY.test(text)) return undefined;
  const words = /^\d/.test(text) || (/^(?:level|lvl|grade|band)/i.test(text) && !/^[A-Z]{1,4}[ -]?\d/.test(text));
  const prefix = words ? '' : /^[A-Z]+/.exec(text)![0];
  const grade = Number(/(\d{1,2})$/.exec(text)![1]);
  return grade >= 1 ? { prefix, grade, text } : undefined;
}

/**
 * A level header or title cell: "E1\nAssociate Engineer", "E1 - Associate
 * Engineer", "Associate Engineer (E1)", "Software Engineer, L3", "Level 3:
 * Senior", "Engineer II (2-6+)", or a title alone.
 */
export function parseLevelHeading(raw: string): LevelHeading {
  let text = raw.trim();
  let experience: string | undefined;
  const years = EXPERIENCE.exec(text);
  if (years) {
    text = years[1]!;
    experience = `${years[2]!.replace(/\s+/g, '')} years`;
  }
  const only = parseCode(text);
  if (only) return { title: undefined, code: only, experience };
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  if (lines.length > 1) {
    const first = parseCode(lines[0]!);
    if (first) return { title: oneLine(lines.slice(1).join(' ')), code: first, experience };
    const last = parseCode(lines[lines.length - 1]!);
    if (last) return { title: oneLine(lines.slice(0, -1).join(' ')), code: last, experience };
  }
  for (const [pattern, codeAt, titleAt] of [
    [LEADING, 1, 2],
    [BRACKETED, 2, 1],
    [TRAILING, 2, 1],
  ] as const) {
    const match = pattern.exec(text);
    const code = match ? parseCode(match[codeAt]!) : undefined;
    if (match && code) {
      const title = oneLine(match[titleAt]!);
      // "E1 (2-4)": brackets after the code that are years, not a title.
      if (title !== '') return { title, code, experience };
    }
  }
  return { title: oneLine(text) || undefined, code: undefined, experience };
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Words of job titles, not of competencies. */
const TITLE_WORDS =
  /\b(engineers?|developers?|programmers?|managers?|directors?|lead|head|vp|svp|evp|chief|cto|cio|ceo|architects?|principal|staff|senior|sr|junior|jr|mid|mid-level|entry|associate|intern|fellow|designers?|analysts?|scientists?|specialists?|consultants?|officer|executive|apprentice|graduate|trainee|distinguished|partner|president|technician|administrator|coordinator|researcher|writer|level)\b/i;
const ROMAN = /(?:^|\s)(?:I|II|III|IV|V|VI|VII|VIII|IX|X)(?:\s|$|\()/;

/** Whether a cell reads as a level (a code, a job title) rather than a competency or a field. */
export function levelLike(raw: string): boolean {
  const text = raw.trim();
  if (text === '') return false;
  const heading = parseLevelHeading(text);
  if (heading.code) return true;
  return TITLE_WORDS.test(text) || ROMAN.test(text);
}

/** Titles that manage people: Manager, Director, Head of, VP, Chief. Not a product, program or project manager. */
const MANAGER = /\b(managers?|directors?|head of|vp|svp|evp|vice president|chief|cto|cio|ceo|coo|cpo|president)\b/i;
const ROLE_MANAGER =
  /\b(product|program|programme|project|account|release|community|customer success|success|marketing|brand|campaign|office|content|social media|data|quality|test|build|configuration|delivery)\s+managers?\b/gi;

export function isManagerTitle(title: string): boolean {
  return MANAGER.test(title.replace(ROLE_MANAGER, ' '));
}

/** Code prefixes of management tracks (M1, EM2, MGR3, D1 for Director, VP1). */
export const MANAGER_PREFIXES: ReadonlySet<string> = new Set(['M', 'EM', 'MGR', 'MG', 'D', 'DIR', 'VP', 'SM']);
/** Those that say management even beside a title without a manager word ("M1 Team lead"). */
export const STRONG_MANAGER_PREFIXES: ReadonlySet<string> = new Set(['M', 'EM', 'MGR', 'MG', 'DIR', 'VP']);
