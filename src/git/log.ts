/** Reading `git log` output: the one parser, NUL-framed so that a commit message cannot forge an entry. */

/** One commit of `git log -z --raw` read by {@link parseLog}: its format fields, then its raw changes. */
export interface LogRecord {
  /** The fields of the format, in order; the first is the commit id. */
  fields: string[];
  /** `:mode mode oid oid status` and the path, for each file the commit changed. */
  changes: { meta: string; path: string }[];
}

/**
 * The one reader of `git log` output. The log must be asked for with `-z`,
 * `--raw` and a format whose fields are separated by `%x00` and start with
 * `%H`: NUL is the one byte that git does not keep in a commit message, so a
 * subject holding \x1e, \x1f or a line break cannot start a new entry or
 * field. Fields are taken by position; a change is a `:`-line and the path
 * after it, so a file name cannot pass for a commit either.
 */
export function parseLog(output: string, fieldCount: number): LogRecord[] {
  const tokens = output.split('\0');
  const records: LogRecord[] = [];
  let i = 0;
  while (i < tokens.length) {
    const id = tokens[i]!.replace(/^\n/, '');
    if (!/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(id)) {
      i++;
      continue;
    }
    const fields = [id, ...tokens.slice(i + 1, i + fieldCount)];
    i += fieldCount;
    const changes: LogRecord['changes'] = [];
    for (;;) {
      while (tokens[i] === '' || tokens[i] === '\n') i++;
      const meta = tokens[i]?.replace(/^\n/, '');
      if (meta === undefined || !meta.startsWith(':')) break;
      changes.push({ meta, path: tokens[i + 1] ?? '' });
      i += 2;
    }
    records.push({ fields, changes });
  }
  return records;
}
