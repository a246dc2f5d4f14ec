/**
 * ESLint's RuleTester, for ladder rules: ladders the rule must pass and
 * ladders it must fail, with each diagnostic it gives (file, line, column,
 * and its messageId or exact message). Only the rule's own diagnostics are
 * compared, so a case may break other rules on the way.
 *
 *   testRule(gradeGap, {
 *     valid: [miniLadder()],
 *     invalid: [{ files, errors: [{ file: 'levels/eng-ic/senior.md', line: 3, column: 8, messageId: 'gap' }] }],
 *   });
 */
import { describe, expect, it } from 'vitest';
import { checkSources } from '../../src/ladder/check.ts';
import type { Severity } from '../../src/ladder/diagnostics.ts';
import type { RuleModule } from '../../src/ladder/rules/rule.ts';
import type { Files } from './ladder.ts';

export interface ExpectedError {
  file: string;
  line: number;
  column: number;
  /** A message of the rule's meta; the text must be that template, whatever the data. */
  messageId?: string;
  /** The exact text. */
  message?: string;
  /** Default: the rule's severity. */
  severity?: Severity;
}

export interface RuleTests {
  valid: (Files | { name: string; files: Files })[];
  invalid: { name?: string; files: Files; errors: ExpectedError[] }[];
}

/** A template as a pattern: its {{placeholders}} match any text. Undefined for a message written by a function. */
export function templatePattern(rule: RuleModule, messageId: string): RegExp | undefined {
  const template = rule.meta.messages[messageId];
  if (typeof template !== 'string') return undefined;
  const parts = template.split(/\{\{\s*[^{}\s]+\s*\}\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('[\\s\\S]*?')}$`);
}

export function testRule(rule: RuleModule, tests: RuleTests): void {
  const id = rule.meta.id;
  const own = (files: Files) => checkSources(files).diagnostics.filter((d) => d.rule === id);
  describe(id, () => {
    tests.valid.forEach((test, i) => {
      const { name, files } = 'files' in test && 'name' in test ? (test as { name: string; files: Files }) : { name: `valid #${i + 1}`, files: test as Files };
      it(`passes: ${name}`, () => {
        expect(own(files)).toEqual([]);
      });
    });
    tests.invalid.forEach((test, i) => {
      it(`fails: ${test.name ?? `invalid #${i + 1}`}`, () => {
        const found = own(test.files);
        expect(found.map(({ file, line, column, severity }) => ({ file, line, column, severity }))).toEqual(
          test.errors.map(({ file, line, column, severity }) => ({ file, line, column, severity: severity ?? rule.meta.severity })),
        );
        test.errors.forEach((error, j) => {
          const { message } = found[j]!;
          if (error.message !== undefined) expect(message).toBe(error.message);
          if (error.messageId !== undefined) {
            expect(Object.keys(rule.meta.messages), `${id} has no message "${error.messageId}"`).toContain(error.messageId);
            const pattern = templatePattern(rule, error.messageId);
            if (!pattern) throw new Error(`${id}'s message "${error.messageId}" is a function: give the expected message instead`);
            expect(message).toMatch(pattern);
          }
        });
      });
    });
  });
}
