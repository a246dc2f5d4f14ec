/**
 * The GitHub Actions our workflows may use, each with its first major
 * version that runs on Node 24 (the Node-20 majors are deprecated, and
 * forced onto Node 24 from June 2026). Sources: each action's release notes
 * (checkout v5, setup-node v5, github-script v8: "runs on node24";
 * configure-pages v6.0.0 and deploy-pages v5.0.0: "upgrade to node 24";
 * upload-pages-artifact v5 wraps upload-artifact v7, which runs on node24).
 */
export const NODE24_MAJORS: Record<string, number> = {
  'actions/checkout': 5,
  'actions/setup-node': 5,
  'actions/github-script': 8,
  'actions/configure-pages': 6,
  'actions/upload-pages-artifact': 5,
  'actions/deploy-pages': 5,
};

/** Every `uses:` of a workflow as [action, major]; a ref that is not vN gives NaN. */
export function actionsOf(workflow: string): [string, number][] {
  return [...workflow.matchAll(/^\s*(?:-\s*)?uses:\s*([^@\s]+)@(\S+)/gm)].map((m) => [m[1]!, /^v(\d+)$/.exec(m[2]!) ? Number(m[2]!.slice(1)) : Number.NaN]);
}

/** The uses of a workflow that are unknown or on an older major than Node 24 needs, as "action@vN" lines. */
export function outdatedActions(workflow: string): string[] {
  return actionsOf(workflow)
    .filter(([action, major]) => !(action in NODE24_MAJORS) || !(major >= NODE24_MAJORS[action]!))
    .map(([action, major]) => `${action}@v${major} (needs ${action in NODE24_MAJORS ? `v${NODE24_MAJORS[action]}+` : 'a review: not in NODE24_MAJORS'})`);
}
