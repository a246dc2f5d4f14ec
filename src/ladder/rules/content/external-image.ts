/** content/external-image: a body that shows an image from another site. */
import { defineMeta, type RuleModule } from '../rule.ts';

export const meta = defineMeta({
  id: 'content/external-image',
  severity: 'error',
  since: '1.1',
  description: 'a body that shows an image from another site',
  docs: {
    means:
      'A body shows an image from another site (`![](https://…)`, `//host/…`, or through a reference definition): every reader\'s browser would fetch it from there, so that site would learn who reads which level (a "tracking pixel").',
    fix: "Serve the image from the site itself (a path such as `/images/chart.png`, from the project's `public/` folder), or link to it instead of showing it.",
  },
  messages: {
    /** Written by images.ts (findExternalImages), which knows what it found. */
    found: '{{message}}',
  },
});

export default { meta } satisfies RuleModule;
