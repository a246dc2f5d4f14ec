/**
 * check(): content directory in, { ladder, diagnostics } out. Reads every
 * file once, never throws on content, and reports every problem it finds.
 */
import { parse, resolve } from 'node:path';
import type { Entries } from './build.ts';
import { buildLadder } from './build.ts';
import { sortDiagnostics, summarize, type Diagnostic, type Summary } from './diagnostics.ts';
import { parseFrontmatter, type ParsedFile } from './frontmatter.ts';
import { classify, ContentDirectoryError, rawFiles, readContentDir, type RawFile, type SourceFile } from './load.ts';
import { tooComplex } from './complexity.ts';
import { findExternalImages } from './images.ts';
import { findUnsafe, parseBody, parseMarkdown, type Body } from './markdown.ts';
import type { Ladder, Source, Track } from './model.ts';
import controlCharacter from './rules/content/control-character.ts';
import externalImage from './rules/content/external-image.ts';
import tooComplexRule from './rules/content/too-complex.ts';
import unsafeHtml from './rules/content/unsafe-html.ts';
import { applyExceptions, report, rules } from './rules/index.ts';
import schemaId from './rules/schema/id.ts';
import syntaxFrontmatter from './rules/syntax/frontmatter.ts';
import { pageSchemas, RESERVED_TRACK_IDS, SLUG_PATTERN, trackSchema, type PageName, type TrackData } from './schema.ts';
import { forbiddenInBody } from './text.ts';
import { validateFrontmatter, validateWith, validFields } from './validate.ts';

export interface CheckResult {
  /** The absolute content directory. */
  dir: string;
  ladder: Ladder;
  /** Sorted by file, line and column. */
  diagnostics: Diagnostic[];
  summary: Summary;
  ok: boolean;
}

export const DEFAULT_CONTENT_DIR = 'content';

/**
 * The content directory: the one the caller chose (a flag, an option, an
 * override it read from its environment), else ./content, resolved against
 * cwd. The core reads no environment: callers resolve LADDER_CONTENT
 * through src/environment.ts. An empty path and the root of a file system
 * are refused at once (ContentDirectoryError): one would check the working
 * directory, the other walk the whole disk.
 */
export function contentDir(chosen?: string, cwd: string = process.cwd()): string {
  if (chosen !== undefined && chosen.trim() === '') throw new ContentDirectoryError('--content needs a folder: it was given an empty path');
  const dir = resolve(cwd, chosen ?? DEFAULT_CONTENT_DIR);
  if (parse(dir).root === dir)
    throw new ContentDirectoryError(`${dir} is the root of the file system, not a ladder's content folder: point --content at the folder that holds ladder.md`);
  return dir;
}

/** Checks a ladder. Throws ContentDirectoryError only if the directory itself cannot be read. */
export function check(dir: string = contentDir()): CheckResult {
  const absolute = resolve(dir);
  return checkRaw(readContentDir(absolute), absolute);
}

/** Checks a ladder held in memory: paths relative to the content directory → text. */
export function checkSources(files: Record<string, string>, dir = '<memory>'): CheckResult {
  return checkRaw(rawFiles(files), dir);
}

/** Checks files already read (from disk, from git or from memory); `dir` only labels the result. */
export function checkFiles(raw: readonly RawFile[], dir: string): CheckResult {
  return checkRaw(raw, dir);
}

function checkRaw(raw: readonly RawFile[], absolute: string): CheckResult {
  const loaded = classify(raw);
  const diagnostics: Diagnostic[] = [...loaded.diagnostics];
  const entries: Entries = {
    ladder: undefined,
    families: [],
    competencies: [],
    tracks: [],
    levels: [],
    pages: new Map(),
    rejected: { family: new Set(), competency: new Set(), track: new Set(), level: new Set() },
    unreadable: { grade: new Map(), family: new Map() },
  };
  // What a rejected level or track file still tells: its grade, its family.
  const remember = (file: SourceFile, data: unknown) => {
    const read = (key: string) => fieldOf(data, key) ?? peek(file.text, key);
    if (file.kind === 'level') {
      const grade = Number(read('grade'));
      entries.unreadable.grade.set(file.id, Number.isInteger(grade) && grade > 0 ? grade : undefined);
    } else if (file.kind === 'track') {
      const family = read('family');
      entries.unreadable.family.set(file.id, family && SLUG_PATTERN.test(family) ? family : undefined);
    }
  };

  // An entry that is a symbolic link is reported where it is (load.ts) and taken as one that could not be read.
  for (const link of loaded.links) {
    if (link.kind === 'ladder') continue;
    entries.rejected[link.kind].add(link.id);
    if (link.kind === 'level') entries.unreadable.grade.set(link.id, undefined);
    if (link.kind === 'track') entries.unreadable.family.set(link.id, undefined);
  }
  for (const file of loaded.files) {
    const read = readEntry(file, diagnostics);
    if (!read) {
      if (file.kind !== 'ladder') entries.rejected[file.kind].add(file.id);
      remember(file, undefined);
      continue;
    }
    const { parsed, body, source } = read;
    const result = validateFrontmatter(file.kind, parsed);
    if (!result.ok) {
      diagnostics.push(...result.diagnostics);
      if (file.kind !== 'ladder') entries.rejected[file.kind].add(file.id);
      remember(file, parsed.data);
      // A track is what its levels are checked against: keep what is valid of it, so that one
      // mistake in a track file does not hide every problem of its levels.
      if (file.kind === 'track') {
        const track = provisionalTrack(file.id, parsed);
        if (track) entries.tracks.push({ id: file.id, body, source, data: track.data, provisional: track.known });
      }
      continue;
    }
    // validateFrontmatter checked the data against the schema of file.kind.
    const entry = { id: file.id, body, source, track: file.track, data: result.data as never };
    if (file.kind === 'ladder') entries.ladder = entry;
    else if (file.kind === 'family') entries.families.push(entry);
    else if (file.kind === 'competency') entries.competencies.push(entry);
    else if (file.kind === 'track') entries.tracks.push(entry);
    else entries.levels.push(entry);
  }
  for (const [name, file] of loaded.pages) {
    const read = readEntry(file, diagnostics, false);
    if (!read) continue;
    const result = validateWith(pageSchemas[name as PageName], read.parsed);
    if (!result.ok) {
      diagnostics.push(...result.diagnostics);
      continue;
    }
    entries.pages.set(name, { title: result.data.title, body: read.body, source: read.source });
  }

  const model = buildLadder(entries);
  const findings = rules.flatMap((rule) => rule({ ladder: model, files: loaded.files }));
  const applied = applyExceptions(model, findings);
  diagnostics.push(...applied.diagnostics);
  // The rules read the model and never write it: the exceptions' counts go into a new one.
  const ladder: Ladder = {
    ...model,
    parity: { ...model.parity, exceptions: model.parity.exceptions.map((e) => ({ ...e, excused: applied.excused[e.index] ?? 0 })) },
  };

  const sorted = sortDiagnostics(diagnostics);
  const summary = summarize(sorted, loaded.files.length + loaded.pages.size);
  return { dir: absolute, ladder, diagnostics: sorted, summary, ok: summary.errors === 0 };
}

type ParsedEntry = { parsed: ParsedFile; body: Body; source: Source };

/**
 * The valid fields of a rejected track file. Without a valid family, the
 * track stands alone in a family of its own ("?<id>"), so that its levels are
 * still checked on their own but compared with no other track.
 */
function provisionalTrack(id: string, parsed: ParsedFile): { data: TrackData; known: NonNullable<Track['provisional']> } | undefined {
  const valid = validFields(trackSchema, parsed.data) as Partial<TrackData> | undefined;
  if (!valid) return undefined;
  return {
    data: { name: valid.name ?? id, family: valid.family ?? `?${id}`, kind: valid.kind ?? 'individual-contributor', competencies: valid.competencies ?? [] },
    known: { family: valid.family !== undefined, kind: valid.kind !== undefined, competencies: valid.competencies !== undefined },
  };
}

/** A top-level field of parsed frontmatter, as text. */
function fieldOf(data: unknown, key: string): string | undefined {
  const value = typeof data === 'object' && data !== null ? (data as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

/** A top-level "key: value" line of a file whose YAML could not be parsed, as text. */
function peek(text: string | undefined, key: string): string | undefined {
  const match = text ? new RegExp(`^${key}:[ \\t]*(["']?)([^"'#\\n]*?)\\1[ \\t]*(?:#.*)?$`, 'm').exec(text) : null;
  return match?.[2] || undefined;
}

/**
 * Parsed files by path and text. Re-checking a ladder in which few files
 * changed (the dev server, ladder diff, property tests) parses only those.
 * Keyed by path, then a few versions of its text, compared (a Map keyed by
 * the text would hash every file's whole text on every check; a key made of
 * path and text would also copy it).
 */
interface Cached {
  text: string;
  entry: ParsedEntry | undefined;
  diagnostics: Diagnostic[];
}
const parseCache = new Map<string, Cached[]>();
let parseCacheSize = 0;
const PARSE_CACHE_LIMIT = 20_000;
/** Versions of one file kept: enough for a diff, a history walk or an editor's undo. */
const VERSIONS = 8;

/** Reads one file's frontmatter and body, reporting what is wrong with its text, YAML, id or Markdown. */
function readEntry(file: SourceFile, diagnostics: Diagnostic[], checkId = true): ParsedEntry | undefined {
  const path = `${checkId ? 1 : 0}${file.path}`;
  const text = file.text ?? `\0${file.unreadable ?? ''}`;
  let versions = parseCache.get(path);
  let cached = versions?.find((version) => version.text === text);
  if (!cached) {
    const found: Diagnostic[] = [];
    cached = { text, entry: parseEntry(file, found, checkId), diagnostics: found };
    if (parseCacheSize >= PARSE_CACHE_LIMIT) {
      parseCache.clear();
      parseCacheSize = 0;
      versions = undefined;
    }
    if (!versions) parseCache.set(path, (versions = []));
    if (versions.length >= VERSIONS) versions.shift();
    else parseCacheSize++;
    versions.push(cached);
  }
  diagnostics.push(...cached.diagnostics);
  return cached.entry;
}

function parseEntry(file: SourceFile, diagnostics: Diagnostic[], checkId: boolean): ParsedEntry | undefined {
  const at = { file: file.path, line: 1, column: 1 };
  if (file.text === undefined) {
    diagnostics.push(
      file.unreadable !== undefined
        ? report(syntaxFrontmatter.meta, at, 'found', { message: file.unreadable })
        : report(syntaxFrontmatter.meta, at, 'unreadable'),
    );
    return undefined;
  }
  if (checkId) {
    const bad = file.id.split('/').find((part) => !SLUG_PATTERN.test(part));
    if (bad !== undefined) {
      diagnostics.push(report(schemaId.meta, at, 'notSlug', { name: bad }));
      return undefined;
    }
    if (file.kind === 'track' && RESERVED_TRACK_IDS.has(file.id)) {
      diagnostics.push(report(schemaId.meta, at, 'reserved', { id: file.id }));
      return undefined;
    }
  }
  const result = parseFrontmatter(file.path, file.text);
  if (!result.ok) {
    for (const error of result.errors)
      diagnostics.push(report(syntaxFrontmatter.meta, { file: file.path, line: error.line, column: error.column }, 'found', { message: error.message }));
    return undefined;
  }
  // Lines and columns of the body's own text, made file positions.
  const inFile = (finding: { line: number; column: number }) => ({ file: file.path, line: result.file.bodyLine + finding.line - 1, column: finding.column });
  for (const finding of forbiddenInBody(result.file.body))
    diagnostics.push(report(controlCharacter.meta, inFile(finding), 'found', { message: finding.message }));
  // A body no editor writes (marks by the thousand, quotes nested hundreds deep) never reaches the parser.
  const complex = tooComplex(result.file.body);
  if (complex) {
    diagnostics.push(report(tooComplexRule.meta, inFile(complex), 'found', { message: complex.message }));
    return undefined;
  }
  let body: Body;
  try {
    // The one parse of this body: its sections, unsafe content and external images are read from this tree, which is then let go.
    const tree = parseMarkdown(result.file.body);
    body = parseBody(result.file.body, result.file.bodyLine, tree);
    for (const finding of findUnsafe(body, tree)) {
      diagnostics.push(report(unsafeHtml.meta, { file: file.path, line: finding.line, column: finding.column }, 'found', { message: finding.message }));
    }
    for (const finding of findExternalImages(tree)) diagnostics.push(report(externalImage.meta, inFile(finding), 'found', { message: finding.message }));
  } catch (error) {
    // The check never throws on content: what the parser cannot take (it runs out of stack) is this file's error.
    const why = error instanceof Error ? error.message : String(error);
    diagnostics.push(report(tooComplexRule.meta, inFile({ line: 1, column: 1 }), 'unparsable', { why }));
    return undefined;
  }
  return { parsed: result.file, body, source: { file: file.path, locate: result.file.locate } };
}
