/** pay/inverted and pay/regression: each track's bands on their own. */
import { diagnostic } from '../diagnostics.ts';
import type { Finding, Rule } from './types.ts';

export const payBands: Rule = ({ ladder }) => {
  const out: Finding[] = [];
  for (const track of ladder.tracks) {
    const levels = ladder.levelsByTrack.get(track.id) ?? [];
    for (const [i, level] of levels.entries()) {
      const { min, max } = level.pay;
      if (min > max) {
        out.push(diagnostic(level.source.locate(['pay', 'min']), 'pay/inverted', `pay.min ${min} is greater than pay.max ${max}: swap them`));
      }
      // The nearest level at a lower grade in this track.
      const below = levels.slice(0, i).filter((other) => other.grade < level.grade).at(-1);
      // An inverted band (its own error) says nothing about a promotion's pay.
      if (!below || min > max || below.pay.min > below.pay.max) continue;
      const related = [{ ...below.source.locate(['pay']), message: `${below.title} (grade ${below.grade}): ${below.pay.min}–${below.pay.max}` }];
      if (min < below.pay.min) {
        out.push(
          diagnostic(
            level.source.locate(['pay', 'min']),
            'pay/regression',
            `Pay band starts at ${min}, below ${below.title} (grade ${below.grade}) at ${below.pay.min}: a promotion must not lower pay`,
            'error',
            related,
          ),
        );
      } else if (max < below.pay.max) {
        out.push(
          diagnostic(
            level.source.locate(['pay', 'max']),
            'pay/regression',
            `Pay band ends at ${max}, below ${below.title} (grade ${below.grade}) at ${below.pay.max}: a promotion must not lower pay`,
            'error',
            related,
          ),
        );
      }
    }
  }
  return out;
};
