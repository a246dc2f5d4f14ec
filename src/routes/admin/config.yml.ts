/**
 * /admin/config.yml: the Decap CMS configuration, generated at build time
 * from the ladder format's schemas and the ladder's own tracks and scopes
 * (src/ladder/cms.ts), so the web editor's forms can never drift from what
 * `ladder check` accepts.
 *
 * Settings (docs/configuration.md): `parity({ editor: { authBaseUrl,
 * authEndpoint, siteDomain }, repository: { branch, contentPath } })`.
 */
import type { APIRoute } from 'astro';
import { decapConfigYaml } from '../../ladder/cms.ts';
import { siteConfig } from '../../site/config.ts';
import { getLadder } from '../../site/ladder.ts';
import { contentPathInRepository, editBranch } from '../../site/repository.ts';

export const prerender = true;

export const GET: APIRoute = ({ site }) => {
  const editor = siteConfig().editor || {};
  const yaml = decapConfigYaml(getLadder(), {
    contentPath: contentPathInRepository(),
    branch: editBranch(),
    authBaseUrl: editor.authBaseUrl,
    authEndpoint: editor.authEndpoint,
    authSiteDomain: editor.siteDomain,
    siteUrl: site ? new URL(import.meta.env.BASE_URL, site).href : undefined,
  });
  return new Response(yaml, { headers: { 'Content-Type': 'text/yaml; charset=utf-8' } });
};
