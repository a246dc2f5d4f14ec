export { formatGithub } from './github.ts';
export { formatJson } from './json.ts';
export { formatSummary, formatText } from './text.ts';

export const FORMATS = ['text', 'json', 'github'] as const;
export type Format = (typeof FORMATS)[number];
