/**
 * The /compare/ picker: two <select>s (grouped by track) and a side-by-side
 * table of the two chosen levels, read from /ladder.json. The choice lives in
 * the URL (?a=<level id>&b=<level id>) so that it can be shared and restored.
 * Vanilla DOM, no framework: the page's only script besides search.
 */
import type { LadderJson, LevelJson } from '../site/export.ts';
import { AUTHORITY_LABELS, capitalize, formatBand, formatBonus, formatMoney, humanize, ZONE_PICKABLE } from '../site/format.ts';

export interface PickerElements {
  form: HTMLFormElement;
  a: HTMLSelectElement;
  b: HTMLSelectElement;
  swap: HTMLButtonElement | null;
  output: HTMLElement;
}

/** Reads ?a= and ?b=, falling back to the selects' current values. */
export function readChoice(search: string, known: (id: string) => boolean): { a?: string; b?: string } {
  const params = new URLSearchParams(search);
  const pick = (name: string) => {
    const value = params.get(name);
    return value !== null && known(value) ? value : undefined;
  };
  return { a: pick('a'), b: pick('b') };
}

/** The query string for a choice. Ids keep their slash: `?a=engineering-ic/staff-engineer&b=...`. */
export function choiceQuery(a: string, b: string): string {
  return `?a=${encodeURIComponent(a).replace(/%2F/g, '/')}&b=${encodeURIComponent(b).replace(/%2F/g, '/')}`;
}

export async function mountPicker(elements: PickerElements, jsonUrl: string): Promise<void> {
  const { form, a, b, swap, output } = elements;
  let data: LadderJson;
  try {
    const response = await fetch(jsonUrl);
    if (!response.ok) throw new Error(`${response.status}`);
    data = (await response.json()) as LadderJson;
  } catch {
    output.textContent = 'The ladder data could not be loaded. Use the pre-built comparisons below.';
    form.hidden = false;
    return;
  }
  const levels = new Map(data.levels.map((l) => [l.id, l]));
  const known = (id: string) => levels.has(id);

  const apply = (choice: { a?: string; b?: string }) => {
    if (choice.a) a.value = choice.a;
    if (choice.b) b.value = choice.b;
    render(data, levels.get(a.value), levels.get(b.value), output);
  };
  const update = (push: boolean) => {
    const query = choiceQuery(a.value, b.value);
    if (push) history.pushState(null, '', query);
    else history.replaceState(null, '', query);
    render(data, levels.get(a.value), levels.get(b.value), output);
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    update(true);
  });
  a.addEventListener('change', () => update(true));
  b.addEventListener('change', () => update(true));
  swap?.addEventListener('click', () => {
    [a.value, b.value] = [b.value, a.value];
    update(true);
  });
  window.addEventListener('popstate', () => apply(readChoice(location.search, known)));

  form.hidden = false;
  const initial = readChoice(location.search, known);
  apply(initial);
}

/**
 * A level's band: the anchor zone's, or, with several zones, every zone's in
 * a `.zone-set` (one child per zone, in the ladder's order) that the page's
 * zone buttons switch with CSS, as on the pre-built pages.
 */
export function payCell(data: LadderJson, level: LevelJson): (Node | string)[] {
  const pay = level.pay;
  if (!pay) return [];
  const zones = data.ladder.zones;
  if (zones.length < 2 || zones.length > ZONE_PICKABLE) return [el('span', { class: 'band' }, formatBand(pay, pay.currency))];
  const set = el('span', { class: 'zone-set' });
  for (const zone of zones) {
    const band = pay.zones.find((z) => z.zone === zone.id);
    set.append(
      el(
        'span',
        { class: 'zone-item', 'data-zone': zone.id },
        el('span', { class: 'zone-name' }, `${zone.name}: `),
        el('span', { class: 'band' }, band ? formatBand(band, band.currency) : 'No band in this zone'),
      ),
    );
  }
  return [set];
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** Renders the two levels side by side, one row per aspect (the same table as the pre-built pages). */
export function render(data: LadderJson, left: LevelJson | undefined, right: LevelJson | undefined, output: HTMLElement): void {
  output.replaceChildren();
  if (!left || !right) return;
  const currency = data.ladder.currency;
  const tracks = new Map(data.tracks.map((t) => [t.id, t]));
  const names = new Map(data.competencies.map((c) => [c.id, c.name]));
  const pair = [left, right];
  const trackName = (l: LevelJson) => tracks.get(l.track)?.name ?? l.track;

  const table = el('table', { class: 'compare stack' });
  table.append(el('caption', {}, `${left.title} and ${right.title} side by side`));
  const head = el('tr', {}, el('td', { class: 'corner' }));
  for (const level of pair) {
    head.append(el('th', { scope: 'col' }, el('a', { href: level.url }, level.title), el('span', { class: 'col-track' }, trackName(level))));
  }
  table.append(el('thead', {}, head));
  const body = el('tbody');
  const row = (label: Node | string, cells: (level: LevelJson) => (Node | string)[], className?: string) => {
    const tr = el('tr', className ? { class: className } : {}, el('th', { scope: 'row' }, label));
    for (const level of pair) tr.append(el('td', { 'data-label': level.title }, ...cells(level)));
    body.append(tr);
  };
  row('Grade', (l) => [String(l.grade)]);
  row('Summary', (l) => [l.summary]);
  if (pair.every((l) => l.pay)) row('Pay band', (l) => payCell(data, l));
  if (pair.some((l) => l.pay?.bonus != null)) row('Target bonus', (l) => [l.pay?.bonus != null ? `${formatBonus(l.pay.bonus)} of base pay` : 'None']);
  if (pair.some((l) => l.pay?.equity)) row('Equity', (l) => [l.pay?.equity ? `${formatBand(l.pay.equity, l.pay.currency)} a year` : 'None']);
  row(AUTHORITY_LABELS.scope, (l) => [capitalize(l.authority.scope)]);
  if (pair.every((l) => l.authority.budget !== null)) row(AUTHORITY_LABELS.budget, (l) => [`${formatMoney(l.authority.budget!, currency)} a year`]);
  row(AUTHORITY_LABELS.decisions, (l) => [
    l.authority.decisions.length === 0 ? 'None' : el('ul', { class: 'tags' }, ...l.authority.decisions.map((d) => el('li', {}, humanize(d)))),
  ]);

  const competencies: string[] = [];
  for (const level of pair) for (const id of tracks.get(level.track)?.competencies ?? []) if (!competencies.includes(id)) competencies.push(id);
  for (const id of competencies) {
    const tr = el('tr', { class: 'section-row' }, el('th', { scope: 'row' }, names.get(id) ?? id));
    for (const level of pair) {
      const section = level.sections.find((s) => s.competency === id);
      const td = el('td', { 'data-label': level.title });
      if (section) {
        td.className = 'prose';
        // The core rendered and sanitized this HTML (raw HTML is dropped, URLs are checked).
        td.innerHTML = section.html;
      } else {
        td.className = 'empty';
        td.append(el('span', { class: 'empty-note' }, `Not a competency of ${trackName(level)}`));
      }
      tr.append(td);
    }
    body.append(tr);
  }
  table.append(body);

  const notes = el('ul', { class: 'picker-links' });
  if (left.family === right.family && left.grade === right.grade && left.id !== right.id) {
    const family = data.families.find((f) => f.id === left.family);
    const href = `${data.ladder.url}compare/${left.family}/${left.grade}/`;
    notes.append(el('li', {}, 'Same grade: ', el('a', { href }, `every track of ${family?.name ?? left.family} at grade ${left.grade}`)));
  }
  for (const [low, high] of [
    [left, right],
    [right, left],
  ] as const) {
    if (low.next === high.id && low.promotionUrl)
      notes.append(el('li', {}, 'Adjacent levels: ', el('a', { href: low.promotionUrl }, `what changes from ${low.title} to ${high.title}`)));
  }
  output.append(table);
  if (notes.childElementCount > 0) output.append(notes);
}
