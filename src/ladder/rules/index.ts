/** Every rule, in the order they run. */
import { sections } from './content.ts';
import { parity } from './parity.ts';
import { payBands } from './pay.ts';
import { placeholders } from './placeholder.ts';
import { refs } from './refs.ts';
import { trackShape } from './track.ts';
import type { Rule } from './types.ts';

export const rules: readonly Rule[] = [refs, trackShape, payBands, sections, parity, placeholders];
export { applyExceptions } from './exceptions.ts';
export type { Finding, Rule, RuleContext } from './types.ts';
