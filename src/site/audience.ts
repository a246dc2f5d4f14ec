/**
 * Who sees pay: the one place where the site decides whether amounts of
 * money are published, and the one place that takes them out.
 *
 * A ladder says who may see its amounts (`visibility.pay` in ladder.md); a
 * build says whom it is for (`ladder build --audience public|internal`,
 * public by default). Amounts are shown unless the ladder's pay is internal
 * and the build is public. When they are not, every page renders from a
 * redacted copy of the model (`redactLadder`), in which no amount exists:
 * levels have no `pay`, families no `bands`, the optional page `pay.md` is
 * gone, and a level's `authority.budget` cannot be read (it throws
 * AmountHiddenError). A page or a company's component that forgets to ask
 * cannot publish an amount: there is none to publish, and reading a budget
 * stops the build with a message instead of printing it.
 *
 * The verdicts of the parity report, and the exports that take an `amounts`
 * option (/ladder.json, /ladder.csv), are computed from the full model
 * (src/site/ladder.ts): the report still says which grades are equal.
 * See docs/publishing.md.
 */
import type { Family, Ladder, Level } from '../ladder/model.ts';
import type { PayVisibility } from '../ladder/schema.ts';

/** Whom a build is for: `public` (anyone) or `internal` (behind the company's sign-in). */
export type Audience = 'public' | 'internal';

export const AUDIENCES: readonly Audience[] = ['public', 'internal'];

export function isAudience(value: unknown): value is Audience {
  return typeof value === 'string' && (AUDIENCES as readonly string[]).includes(value);
}

/** Whether a build for this audience publishes the amounts of a ladder with this visibility. */
export function showsAmounts(visibility: PayVisibility, audience: Audience): boolean {
  return visibility === 'public' || audience === 'internal';
}

/** Thrown when a page reads an amount that this build does not publish. */
export class AmountHiddenError extends Error {
  override name = 'AmountHiddenError';
  constructor(what: string) {
    super(
      `${what} was read while building a site without pay amounts (ladder.md sets visibility.pay: internal and the build is public). ` +
        'Show amounts only where amountsShown() is true (src/site/ladder.ts), or build with "ladder build --audience internal" for a site behind your sign-in: see docs/publishing.md.',
    );
  }
}

/** A level's authority whose budget cannot be read: it is not in this build. */
function hideBudget(level: Level): Level['authority'] {
  const authority = { scope: level.authority.scope, decisions: level.authority.decisions } as Level['authority'];
  Object.defineProperty(authority, 'budget', {
    enumerable: false,
    get() {
      throw new AmountHiddenError(`The budget of ${level.id}`);
    },
  });
  return Object.freeze(authority);
}

/**
 * The ladder without any amount of money: no pay on levels (nor bonus, equity
 * or zones' amounts), no family bands, no budget, no pay.md. Names, grades,
 * scopes, decisions, texts and the zones' names stay. Every lookup of the
 * copy points at the copied levels and families.
 */
export function redactLadder(ladder: Ladder): Ladder {
  const levels = new Map<Level, Level>();
  for (const level of ladder.levels) levels.set(level, Object.freeze({ ...level, pay: undefined, authority: hideBudget(level) }));
  const families = new Map<Family, Family>();
  for (const family of ladder.families) families.set(family, Object.freeze({ ...family, bands: new Map() }));
  const level = (l: Level) => levels.get(l) ?? l;
  const family = (f: Family) => families.get(f) ?? f;
  const pages = new Map([...ladder.pages].filter(([name]) => name !== 'pay'));
  return Object.freeze({
    ...ladder,
    // A zone's factor is pay too (a differential); its name and currency are not.
    zones: ladder.zones.map((zone) => Object.freeze({ ...zone, factor: undefined })),
    families: ladder.families.map(family),
    levels: ladder.levels.map(level),
    pages,
    family: new Map([...ladder.family].map(([id, f]) => [id, family(f)])),
    level: new Map([...ladder.level].map(([id, l]) => [id, level(l)])),
    levelsByTrack: new Map([...ladder.levelsByTrack].map(([id, list]) => [id, list.map(level)])),
    levelsByFamilyGrade: new Map(
      [...ladder.levelsByFamilyGrade].map(([id, grades]) => [id, new Map([...grades].map(([grade, list]) => [grade, list.map(level)]))]),
    ),
  });
}
