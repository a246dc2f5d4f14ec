/**
 * The options of `parity({...})` in a company's astro.config.mjs: one Zod
 * schema, one JSDoc line per option (editors show them as you type), and
 * errors that name the option and what it accepts, without a stack trace.
 */
import { z } from 'zod';
import { closest } from '../ladder/validate.ts';
import { COMPONENT_NAMES } from './components.ts';

const pageSwitches = z.strictObject({
  /** The self-assessment worksheets (`/assess/`, `/levels/<track>/<level>/assess/`). */
  assess: z.boolean().default(true),
  /** The ladder's history from git (`/changes/`, `/changes.xml`, "last changed" on pages). */
  changes: z.boolean().default(true),
  /** Full-text search with Pagefind (`/search/` and the header's search box). */
  search: z.boolean().default(true),
  /** "Which track fits me?" (`/tracks/choose/`). */
  choose: z.boolean().default(true),
});

export const optionsSchema = z.strictObject({
  /** The content directory, relative to the project's root (default `content`). `LADDER_CONTENT` or `ladder build --content` override it. */
  content: z.string().min(1).default('content'),
  /** The site's title in the header and the browser tab; default: the `name` in ladder.md. */
  title: z.string().min(1).optional(),
  /** An image in the header before the title, relative to the project's root (SVG, PNG or JPEG). */
  logo: z.string().min(1).optional(),
  /** How "Suggest a change" links and the web editor reach the repository that ladder.md's `repository` names. */
  repository: z
    .strictObject({
      /** The branch that pull requests target (default `main`). */
      branch: z.string().min(1).default('main'),
      /** The content folder inside the repository, when git cannot tell (a build from an exported folder). */
      contentPath: z.string().optional(),
    })
    .default({ branch: 'main' }),
  /** "Suggest a change" links on every page (they need a repository). */
  editLinks: z.boolean().default(true),
  /** How many commits of history the changes pages read (default 50); `false` turns the history off. */
  history: z.union([z.literal(false), z.strictObject({ limit: z.int().min(1).max(100_000).default(50) })]).default({ limit: 50 }),
  /** The web editor at `/admin/` (it needs a repository); `false` leaves it out. */
  editor: z
    .union([
      z.literal(false),
      z.strictObject({
        /** The OAuth provider that signs editors in to GitHub. */
        authBaseUrl: z.url().optional(),
        /** Its authorization path, if not `auth`. */
        authEndpoint: z.string().optional(),
        /** With Netlify as the OAuth provider: the Netlify site's domain. */
        siteDomain: z.string().optional(),
      }),
    ])
    .default({}),
  /** Which optional pages exist. */
  pages: pageSwitches.default({ assess: true, changes: true, search: true, choose: true }),
  /** Your own components in place of Parity's: `{ Footer: './src/Footer.astro' }`, paths relative to the project's root. */
  components: z.partialRecord(z.enum(COMPONENT_NAMES), z.string().min(1)).default({}),
  /** Your stylesheets, loaded after Parity's (which sit in the `parity` cascade layer): paths relative to the project's root. */
  customCss: z.array(z.string().min(1)).default([]),
});

/** What a company writes. */
export type ParityUserOptions = z.input<typeof optionsSchema>;
/** The options with every default filled in. */
export type ParityOptions = z.output<typeof optionsSchema>;

/** A wrong option: the message names it and says what it accepts. */
export class ParityOptionsError extends Error {
  override name = 'ParityOptionsError';
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid parity() options in astro.config.mjs: ${problems.join(' ')}`);
    this.problems = problems;
  }
}

export function parseOptions(input: unknown): ParityOptions {
  const result = optionsSchema.safeParse(input ?? {});
  if (result.success) return result.data;
  throw new ParityOptionsError(result.error.issues.map(describe));
}

const LAST = Symbol.for('parity.integration.options');
type Holder = typeof globalThis & { [LAST]?: ParityOptions };

/** parity() notes the options it was given, so that `ladder build` can read a project's config (its `content`) before Astro runs. */
export function noteOptions(options: ParityOptions | undefined): void {
  (globalThis as Holder)[LAST] = options;
}

/** The options of the last parity() call in this process, if any. */
export function notedOptions(): ParityOptions | undefined {
  return (globalThis as Holder)[LAST];
}

function describe(issue: z.core.$ZodIssue): string {
  const at = issue.path.map(String).join('.');
  const where = at === '' ? 'parity()' : `\`${at}\``;
  const allowed: readonly string[] = issue.path[0] === 'components' ? COMPONENT_NAMES : allowedAt(issue.path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys
        .map((key) => {
          const name = at === '' ? key : `${at}.${key}`;
          const guess = closest(key, allowed);
          const hint = guess ? ` Did you mean \`${guess}\`?` : '';
          if (issue.path[0] === 'components') return `\`${name}\` is not a component you can replace.${hint} They are: ${allowed.join(', ')}.`;
          const list = allowed.length > 0 ? ` The options${at === '' ? '' : ` of \`${at}\``} are: ${allowed.join(', ')}.` : '';
          return `\`${name}\` is not an option.${hint}${list}`;
        })
        .join(' ');
    case 'invalid_key':
    case 'invalid_value':
      if (at.startsWith('components'))
        return `${where}: there is no component of that name. The components you can replace are: ${COMPONENT_NAMES.join(', ')}.`;
      return `${where}: ${issue.message}`;
    case 'invalid_type':
      return `${where} should be ${expected(issue.expected)}.`;
    case 'invalid_union':
      return `${where} should be false, or an object of options: see docs/configuration.md.`;
    default:
      return `${where}: ${issue.message}`;
  }
}

function expected(type: string): string {
  return { string: 'text (a string)', boolean: 'true or false', number: 'a number', object: 'an object of options', array: 'a list' }[type] ?? type;
}

/** The option names that the object at `path` accepts. */
function allowedAt(path: readonly PropertyKey[]): string[] {
  let schema: z.ZodType = optionsSchema;
  for (const key of path) {
    const object = unwrapObject(schema);
    if (!object) return [];
    const next = object.shape[String(key)];
    if (!next) return [];
    schema = next;
  }
  const object = unwrapObject(schema);
  return object ? Object.keys(object.shape) : [];
}

function unwrapObject(schema: z.ZodType): z.ZodObject | undefined {
  let current: z.ZodType = schema;
  for (let i = 0; i < 8; i++) {
    if (current instanceof z.ZodObject) return current;
    if (current instanceof z.ZodDefault || current instanceof z.ZodOptional) current = current.unwrap() as z.ZodType;
    else if (current instanceof z.ZodUnion) {
      const object = (current.options as z.ZodType[]).find((o) => o instanceof z.ZodObject);
      if (!object) return undefined;
      current = object;
    } else return undefined;
  }
  return undefined;
}
