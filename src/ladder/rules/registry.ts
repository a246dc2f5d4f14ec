/**
 * Every rule of `ladder check`, one module each (src/ladder/rules/<id>.ts),
 * in the order they run and the order docs/format.md lists them. The table
 * "Every rule, and what to do about it" in docs/format.md is generated from
 * this list (npm run rules:doc); a test fails when the two differ.
 */
import contentControlCharacter from './content/control-character.ts';
import contentDuplicateSection from './content/duplicate-section.ts';
import contentExternalImage from './content/external-image.ts';
import contentMissingSection from './content/missing-section.ts';
import contentPlaceholder from './content/placeholder.ts';
import contentTooComplex from './content/too-complex.ts';
import contentUnknownSection from './content/unknown-section.ts';
import contentUnsafeHtml from './content/unsafe-html.ts';
import layoutMissingLadder from './layout/missing-ladder.ts';
import layoutSymbolicLink from './layout/symbolic-link.ts';
import layoutUnexpectedFile from './layout/unexpected-file.ts';
import parityAuthority from './parity/authority.ts';
import parityCeiling from './parity/ceiling.ts';
import parityExceptionUnused from './parity/exception-unused.ts';
import parityPay from './parity/pay.ts';
import parityVariablePay from './parity/variable-pay.ts';
import payInverted from './pay/inverted.ts';
import payMissingZone from './pay/missing-zone.ts';
import payMissing from './pay/missing.ts';
import payRegression from './pay/regression.ts';
import refOrphanLevel from './ref/orphan-level.ts';
import refUnknown from './ref/unknown.ts';
import type { Rule, RuleModule } from './rule.ts';
import schemaField from './schema/field.ts';
import schemaId from './schema/id.ts';
import schemaZones from './schema/zones.ts';
import syntaxFrontmatter from './syntax/frontmatter.ts';
import trackDuplicateGrade from './track/duplicate-grade.ts';
import trackGradeGap from './track/grade-gap.ts';

export const registry: readonly RuleModule[] = [
  syntaxFrontmatter,
  schemaField,
  schemaId,
  schemaZones,
  refUnknown,
  refOrphanLevel,
  trackDuplicateGrade,
  trackGradeGap,
  payInverted,
  payRegression,
  payMissing,
  payMissingZone,
  contentMissingSection,
  contentUnknownSection,
  contentDuplicateSection,
  contentPlaceholder,
  contentUnsafeHtml,
  contentControlCharacter,
  contentTooComplex,
  contentExternalImage,
  parityCeiling,
  parityPay,
  parityVariablePay,
  parityAuthority,
  parityExceptionUnused,
  layoutMissingLadder,
  layoutSymbolicLink,
  layoutUnexpectedFile,
];

/** The checks of the rules that run on the model, in order. */
export const checks: readonly Rule[] = registry.flatMap((rule) => (rule.check ? [rule.check] : []));

const byId = new Map(registry.map((rule) => [rule.meta.id, rule]));

/**
 * The rule a diagnostic's id belongs to: its own entry, or the entry of a
 * family of ids (`schema/pay.min` is `schema/<field>`); undefined for an id
 * no rule reports.
 */
export function ruleOf(id: string): RuleModule | undefined {
  const own = byId.get(id);
  if (own) return own;
  const slash = id.indexOf('/');
  if (slash <= 0 || slash === id.length - 1) return undefined;
  return registry.find((rule) => rule.meta.id.startsWith(`${id.slice(0, slash + 1)}<`));
}
