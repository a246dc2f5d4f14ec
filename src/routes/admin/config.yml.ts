/**
 * /admin/config.yml: the Decap CMS configuration, generated at build time
 * from the ladder format's schemas and the ladder's own tracks and scopes
 * (src/ladder/cms.ts), so the web editor's forms can never drift from what
 * `ladder check` accepts.
 *
 * Build-time settings (see docs/editing.md):
 *   DECAP_AUTH_BASE_URL   the OAuth provider that logs editors in to GitHub
 *   DECAP_AUTH_ENDPOINT   its authorization path, if not "auth"
 *   DECAP_SITE_DOMAIN     with Netlify as the OAuth provider: the Netlify site's domain
 *   DECAP_BRANCH          the branch pull requests target (default: main)
 *   LADDER_CONTENT_PATH   the content folder inside the repository, when git cannot tell
 */
import type { APIRoute } from 'astro';
import { decapConfigYaml } from '../../ladder/cms.ts';
import { getLadder } from '../../site/ladder.ts';
import { contentPathInRepository, editBranch } from '../../site/repository.ts';

export const prerender = true;

export const GET: APIRoute = ({ site }) => {
  const env = process.env;
  const yaml = decapConfigYaml(getLadder(), {
    contentPath: contentPathInRepository(),
    branch: editBranch(env),
    authBaseUrl: env.DECAP_AUTH_BASE_URL || undefined,
    authEndpoint: env.DECAP_AUTH_ENDPOINT || undefined,
    authSiteDomain: env.DECAP_SITE_DOMAIN || undefined,
    siteUrl: site ? new URL(import.meta.env.BASE_URL, site).href : undefined,
  });
  return new Response(yaml, { headers: { 'Content-Type': 'text/yaml; charset=utf-8' } });
};
