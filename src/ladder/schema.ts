/**
 * The frontmatter of every kind of content file, as Zod schemas.
 * Types are derived from these schemas (nothing is typed twice), and the
 * JSON Schemas that editors use are generated from them too.
 */
import { z } from 'zod';
import { forbiddenCharacter } from './text.ts';

export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const DEFAULT_SCOPES = ['team', 'group', 'org', 'division', 'company'] as const;

/** The rules that an exception in ladder.md may excuse. */
export const PARITY_RULES = ['parity/ceiling', 'parity/pay', 'parity/authority', 'parity/variable-pay'] as const;

/** (1.1) Who may see pay amounts: everyone, or only the internal build (`ladder build --audience internal`). */
export const PAY_VISIBILITY = ['public', 'internal'] as const;

/** (1.1) Derived zone amounts are rounded to a multiple of this unless ladder.md says otherwise. */
export const DEFAULT_ROUNDING = 1000;

export const TRACK_KINDS = ['individual-contributor', 'management'] as const;

const slug = z
  .string()
  .regex(SLUG_PATTERN, { error: 'must be a lowercase slug such as "technical-craft"' })
  .meta({ description: 'A lowercase slug: letters, digits and single hyphens.' });

/** Text without control characters or bidi overrides (see text.ts); `prose` may hold tabs and line breaks. */
function plainText(prose: boolean) {
  return z
    .string()
    .trim()
    .min(1, { error: 'must not be empty' })
    .superRefine((value, ctx) => {
      const why = forbiddenCharacter(value, prose);
      if (why) ctx.addIssue({ code: 'custom', message: why, input: value });
    });
}

/** A one-line text field: a name, a title. */
const text = plainText(false);
/** A text field that may run over several lines: a summary, a reason. */
const prose = plainText(true);

/** (1.1) Where a family or track is listed: lowest first, then by id; without it, after those that have one. */
const order = z
  .int({ error: 'must be a whole number' })
  .optional()
  .meta({ description: 'Where this is listed: lowest first; ties and entries without an order follow by id.' });

const amount = z
  .number()
  .nonnegative()
  .max(Number.MAX_SAFE_INTEGER)
  // -0 is 0 (YAML reads "-0" as negative zero, which would print as "-$0").
  .overwrite((value) => value + 0)
  .meta({ description: 'An amount of money per year, written as a plain number: digits only, without separators or a currency sign.' });

/** A range of money: a pay band's amounts in one zone, or an equity range. */
function range(description: string) {
  return z
    .strictObject({
      min: amount.meta({ description: 'Bottom of the range, per year.' }),
      max: amount.meta({ description: 'Top of the range, per year.' }),
    })
    .meta({ description });
}

/** A list of slugs in which no slug appears twice. */
function uniqueSlugs(description: string) {
  return z
    .array(slug)
    .superRefine((items, ctx) => {
      const seen = new Set<string>();
      items.forEach((item, index) => {
        if (seen.has(item)) ctx.addIssue({ code: 'custom', path: [index], message: `"${item}" is listed twice`, input: item });
        seen.add(item);
      });
    })
    .meta({ description });
}

/**
 * A repository's web address: https, a host name, then two or more plain
 * path segments (owner/name, or group/subgroup/name), an optional ".git" or
 * final slash, and nothing else: no quote, query, fragment or user name that a
 * page would carry into a link.
 */
const REPOSITORY_URL =
  /^https:\/\/[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*(?::\d{1,5})?(?:\/(?!\.\.?(?:\/|$))[A-Za-z0-9_.~-]+){2,}\/?$/;

const isoCurrencies: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

const currencyCode = z
  .string()
  .regex(/^[A-Z]{3}$/, { error: 'must be a three-letter ISO 4217 code such as "USD"' })
  .refine((code) => isoCurrencies.has(code), { error: 'is not an ISO 4217 currency code' });

/**
 * (1.1) One pay band: the anchor zone's base pay, optional variable pay and
 * equity, and amounts set by hand for zones. A family writes one per grade
 * (`bands:`); a level may write its own (`pay:`), which wins.
 */
export const bandSchema = z
  .strictObject({
    min: amount.meta({ description: 'Bottom of the base-pay band, per year, in the first zone (the anchor).' }),
    max: amount.meta({ description: 'Top of the base-pay band, per year, in the first zone (the anchor).' }),
    bonus: z.number().min(0).max(200).optional().meta({ description: 'Target bonus, in percent of base pay (0-200).' }),
    equity: range("Yearly value of equity grants, in the first zone's currency.").optional(),
    zones: z
      .record(slug, range('The band in this zone, set by hand.'))
      .optional()
      .meta({ description: "Bands set by hand for some zones, by zone id: they override the zone's factor." }),
  })
  .meta({ description: 'A pay band: base pay in the first zone, optional bonus and equity, and zones set by hand.' });

/** A grade as a key of a family's `bands:` (YAML reads `4:` as the text "4"). */
const gradeKey = z.string().regex(/^[1-9][0-9]?$/, { error: 'must be a grade: a whole number from 1 to 99' });

export const zoneSchema = z
  .strictObject({
    id: slug.meta({ description: "The zone's id, used as a key of bands' zones:." }),
    name: text.meta({ description: 'The name of the zone, such as "San Francisco, New York".' }),
    factor: z
      .number()
      .positive()
      .max(100)
      .optional()
      .meta({ description: "A band here is the first zone's band times this factor, rounded. Without it, every band gives this zone by hand." }),
    currency: currencyCode.optional().meta({ description: "ISO 4217 code of this zone's amounts; default: the ladder's currency." }),
  })
  .meta({ description: 'A pay zone: where pay differs by location.' });

export const exceptionSchema = z
  .strictObject({
    family: slug.meta({ description: 'The family whose grade is excused.' }),
    grade: z.int().min(1).meta({ description: 'The grade that may break the rule.' }),
    rule: z.enum(PARITY_RULES).meta({ description: 'The parity rule this grade may break.' }),
    reason: prose.meta({ description: 'Why the grade is allowed to break the rule. Published on the parity report.' }),
  })
  .meta({ description: 'A grade allowed to break a parity rule, with the reason.' });

export const ladderSchema = z
  .strictObject({
    name: text.meta({ description: 'The name of the ladder, shown on every page.' }),
    currency: currencyCode.meta({ description: 'ISO 4217 code of the currency of every pay band, such as USD or EUR.' }),
    zones: z
      .array(zoneSchema)
      .min(1, { error: 'must list at least one zone' })
      .superRefine((zones, ctx) => {
        const seen = new Set<string>();
        zones.forEach((zone, index) => {
          if (seen.has(zone.id)) ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `"${zone.id}" is listed twice`, input: zone.id });
          seen.add(zone.id);
        });
        const anchor = zones[0];
        if (anchor?.factor !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [0, 'factor'],
            message: "is not allowed on the first zone: it is the anchor, whose amounts are the bands' own min and max",
            input: anchor.factor,
          });
        }
      })
      .optional()
      .meta({ description: "(1.1) Where pay differs by location. The first zone is the anchor: bands' min and max are its amounts." }),
    rounding: z
      .int({ error: 'must be a whole number' })
      .positive()
      .max(1_000_000)
      .default(DEFAULT_ROUNDING)
      .meta({ description: '(1.1) Amounts derived with a factor are rounded to the nearest multiple of this.' }),
    visibility: z
      .strictObject({
        pay: z
          .enum(PAY_VISIBILITY)
          .default('public')
          .meta({ description: 'public: the site shows pay amounts; internal: only the --audience internal build does.' }),
      })
      .default({ pay: 'public' })
      .meta({ description: '(1.1) Who may see pay amounts.' }),
    repository: z
      .string()
      .regex(REPOSITORY_URL, {
        error:
          'must be the https address of the repository, such as https://github.com/acme/career-ladder (letters, digits, "-", "_" and "." in its owner and name; nothing after them)',
      })
      .optional()
      .meta({ description: 'The repository that holds this ladder; enables "suggest a change" links.' }),
    scopes: uniqueSlugs('The scopes a level can hold, ordered from narrowest to widest.')
      .min(1, { error: 'must list at least one scope' })
      .default([...DEFAULT_SCOPES]),
    parity: z
      .strictObject({
        pay: z
          .enum(['identical', 'overlap'])
          .default('identical')
          .meta({ description: 'identical: equivalent levels share one band; overlap: their bands must overlap.' }),
        exceptions: z.array(exceptionSchema).default([]),
      })
      .default({ pay: 'identical', exceptions: [] })
      .meta({ description: 'How strictly equivalent levels must match.' }),
  })
  .meta({ title: 'Ladder', description: 'content/ladder.md: the ladder itself.' });

export const familySchema = z
  .strictObject({
    name: text.meta({ description: 'The name of the job family.' }),
    order,
    bands: z.record(gradeKey, bandSchema).optional().meta({ description: '(1.1) The pay band of each grade, shared by every track of the family.' }),
  })
  .meta({ title: 'Family', description: 'content/families/<family>.md: one job family.' });

export const competencySchema = z
  .strictObject({
    name: text.meta({ description: 'The name of the competency; level bodies use it as a "## " heading.' }),
  })
  .meta({ title: 'Competency', description: 'content/competencies/<competency>.md: one competency.' });

export const trackSchema = z
  .strictObject({
    name: text.meta({ description: 'The name of the track.' }),
    family: slug.meta({ description: 'The id of the job family this track belongs to.' }),
    kind: z.enum(TRACK_KINDS).meta({ description: 'individual-contributor or management.' }),
    competencies: uniqueSlugs('The competencies of this track, in the order pages show them.').min(1, {
      error: 'must list at least one competency',
    }),
    order,
  })
  .meta({ title: 'Track', description: 'content/tracks/<track>.md: one track of a family.' });

export const levelSchema = z
  .strictObject({
    title: text.meta({ description: 'The title of the level, such as "Principal Engineer".' }),
    grade: z.int().min(1).max(99).meta({ description: 'The row that makes levels equivalent: levels of one family at the same grade are equal.' }),
    summary: prose.max(400).meta({ description: 'One sentence that says what the level is.' }),
    pay: bandSchema.optional().meta({ description: "The level's own pay band; without it, the family's band for this grade applies (1.1)." }),
    authority: z
      .strictObject({
        scope: slug.meta({ description: "One of the ladder's scopes, such as team or company." }),
        budget: amount.meta({ description: 'Yearly spend this level may approve on its own.' }),
        decisions: uniqueSlugs('Decision rights this level holds, such as hiring or technical-direction.'),
      })
      .meta({ description: 'What this level may decide on its own.' }),
  })
  .meta({ title: 'Level', description: 'content/levels/<track>/<level>.md: one level of a track.' });

/**
 * content/choose.md, the optional text of the "Which track fits me?" page
 * (/tracks/choose/). Not one of the ladder's entities: it has no id and no
 * rules beyond its own fields.
 */
export const choosePageSchema = z
  .strictObject({
    title: text.max(120).optional().meta({ description: 'The heading of the page; "Which track fits me?" when left out.' }),
  })
  .meta({ title: 'Which track fits me?', description: 'content/choose.md: the text of the "Which track fits me?" page.' });

/**
 * (1.1) content/pay.md, the optional text of the /pay/ page: how pay is set
 * here (the criteria for pay and progression that Article 6 of Directive (EU)
 * 2023/970 asks employers to make easily accessible to workers).
 */
export const payPageSchema = z
  .strictObject({
    title: text.max(120).optional().meta({ description: 'The heading of the page; "How pay is set" when left out.' }),
  })
  .meta({ title: 'How pay is set', description: 'content/pay.md: the text of the /pay/ page.' });

/** Optional pages at the top of the content directory, by name, with the schema of their frontmatter. */
export const pageSchemas = { choose: choosePageSchema, pay: payPageSchema } as const;

export type PageName = keyof typeof pageSchemas;
export type ChoosePageData = z.output<typeof choosePageSchema>;

/**
 * Track ids that the site's own pages use below /tracks/: a track with such
 * an id would have no page of its own. `ladder check` rejects them (schema/id).
 */
export const RESERVED_TRACK_IDS: ReadonlySet<string> = new Set(['choose']);

export const schemas = {
  ladder: ladderSchema,
  family: familySchema,
  competency: competencySchema,
  track: trackSchema,
  level: levelSchema,
} as const;

export type FileKind = keyof typeof schemas;
export type LadderData = z.output<typeof ladderSchema>;
export type BandData = z.output<typeof bandSchema>;
export type ZoneData = z.output<typeof zoneSchema>;
export type PayVisibility = (typeof PAY_VISIBILITY)[number];
export type ExceptionData = z.output<typeof exceptionSchema>;
export type FamilyData = z.output<typeof familySchema>;
export type CompetencyData = z.output<typeof competencySchema>;
export type TrackData = z.output<typeof trackSchema>;
export type LevelData = z.output<typeof levelSchema>;
export type TrackKind = (typeof TRACK_KINDS)[number];
export type ParityRule = (typeof PARITY_RULES)[number];
