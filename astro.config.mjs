// @ts-check
// This repository builds its own site the way a company does: one integration,
// with content/ (the sample ladder) as its content. See docs/configuration.md.
import { defineConfig } from 'astro/config';
import parity from './src/integration/index.ts';

export default defineConfig({
  integrations: [parity({ content: 'content' })],
});
