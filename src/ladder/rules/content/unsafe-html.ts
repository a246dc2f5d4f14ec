/** content/unsafe-html: raw HTML, scripts or javascript: links in a body. */
import { defineMeta, type RuleModule } from '../rule.ts';

export const meta = defineMeta({
  id: 'content/unsafe-html',
  severity: 'error',
  since: '1.0',
  description: 'raw HTML, scripts or javascript: links in a body',
  docs: {
    means: 'A body holds raw HTML (`<script>`, `<div>`, a comment) or a link or image with a `javascript:`, `data:` or other unsafe URL.',
    fix: 'Write it in Markdown, and use `https://` links.',
  },
  messages: {
    /** Written by markdown.ts (findUnsafe), which knows what it found. */
    found: '{{message}}',
  },
});

export default { meta } satisfies RuleModule;
