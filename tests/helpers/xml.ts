/**
 * A strict XML well-formedness check for the tests (inline SVG, the Atom
 * feed): one root element, tags properly nested and closed, attributes
 * quoted and not repeated, only XML's predefined or numeric entity
 * references, no bare "<" or "&" in text. Returns the problems (none: []).
 * Not a validator: it knows nothing of any schema.
 */
const NAME = /^[A-Za-z_:][A-Za-z0-9._:-]*$/;
const ENTITY = /&(?:[A-Za-z_][A-Za-z0-9._-]*|#[0-9]+|#x[0-9A-Fa-f]+);/g;
const PREDEFINED = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

export function xmlProblems(text: string, options: { fragment?: boolean } = {}): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  let roots = 0;
  let i = 0;
  const at = (pos: number) => {
    const line = text.slice(0, pos).split('\n').length;
    return `line ${line}`;
  };
  const checkText = (chunk: string, pos: number) => {
    if (chunk.includes('<')) problems.push(`${at(pos)}: bare "<" in text`);
    const stripped = chunk.replace(ENTITY, (ref) => {
      const name = ref.slice(1, -1);
      if (!name.startsWith('#') && !PREDEFINED.has(name)) problems.push(`${at(pos)}: unknown entity ${ref}`);
      return '';
    });
    if (stripped.includes('&')) problems.push(`${at(pos)}: bare "&" in text`);
  };
  if (text.startsWith('<?xml')) {
    const end = text.indexOf('?>');
    if (end < 0) return ['unterminated XML declaration'];
    i = end + 2;
  }
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    const chunk = text.slice(i, lt < 0 ? text.length : lt);
    if (stack.length === 0 && chunk.trim() !== '' && !options.fragment) problems.push(`${at(i)}: text outside the root element`);
    checkText(chunk, i);
    if (lt < 0) break;
    if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt + 4);
      if (end < 0) return [...problems, `${at(lt)}: unterminated comment`];
      i = end + 3;
      continue;
    }
    if (text.startsWith('<![CDATA[', lt)) {
      const end = text.indexOf(']]>', lt);
      if (end < 0) return [...problems, `${at(lt)}: unterminated CDATA`];
      i = end + 3;
      continue;
    }
    if (text.startsWith('<?', lt) || text.startsWith('<!', lt)) {
      problems.push(`${at(lt)}: unexpected declaration or processing instruction`);
      const end = text.indexOf('>', lt);
      i = end < 0 ? text.length : end + 1;
      continue;
    }
    // A tag: find its end, skipping quoted attribute values.
    let j = lt + 1;
    let quote = '';
    for (; j < text.length; j++) {
      const c = text[j]!;
      if (quote) {
        if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '>') break;
      else if (c === '<') {
        problems.push(`${at(j)}: "<" inside a tag`);
        break;
      }
    }
    if (j >= text.length) return [...problems, `${at(lt)}: unterminated tag`];
    const raw = text.slice(lt + 1, j);
    i = j + 1;
    if (raw.startsWith('/')) {
      const name = raw.slice(1).trim();
      const open = stack.pop();
      if (open !== name) problems.push(`${at(lt)}: </${name}> closes <${open ?? 'nothing'}>`);
      continue;
    }
    const selfClosing = raw.endsWith('/');
    const body = selfClosing ? raw.slice(0, -1) : raw;
    const name = body.match(/^[^\s]+/)?.[0] ?? '';
    if (!NAME.test(name)) problems.push(`${at(lt)}: bad element name "${name}"`);
    const seen = new Set<string>();
    const rest = body.slice(name.length);
    const attr = /\s+([^\s=]+)\s*=\s*("([^"]*)"|'([^']*)')/gy;
    let m: RegExpExecArray | null;
    let consumed = 0;
    while ((m = attr.exec(rest)) !== null) {
      const attrName = m[1]!;
      if (!NAME.test(attrName)) problems.push(`${at(lt)}: bad attribute name "${attrName}" on <${name}>`);
      if (seen.has(attrName)) problems.push(`${at(lt)}: attribute "${attrName}" repeated on <${name}>`);
      seen.add(attrName);
      checkText((m[3] ?? m[4] ?? '').replace(/</g, '&lt;'), lt);
      if ((m[3] ?? m[4] ?? '').includes('<')) problems.push(`${at(lt)}: "<" in the value of ${attrName}`);
      consumed = attr.lastIndex;
    }
    if (rest.slice(consumed).trim() !== '') problems.push(`${at(lt)}: malformed attributes on <${name}>: ${rest.slice(consumed).trim().slice(0, 40)}`);
    if (stack.length === 0) roots++;
    if (!selfClosing) stack.push(name);
  }
  if (stack.length > 0) problems.push(`unclosed element(s): ${stack.join(' > ')}`);
  if (roots !== 1 && !options.fragment) problems.push(`${roots} root elements`);
  return problems;
}
