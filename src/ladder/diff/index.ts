/** Ladder diffs: compare two versions, describe the changes in words, format them. Versions from git: src/git/version.ts. */
export * from './compare.ts';
export * from './format.ts';
export type * from './types.ts';
export * from './words.ts';
