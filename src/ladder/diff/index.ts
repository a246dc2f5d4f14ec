/** Ladder diffs: compare two versions, describe the changes in words, format them, read versions from git. */
export * from './compare.ts';
export * from './format.ts';
export * from './git.ts';
export type * from './types.ts';
export * from './words.ts';
