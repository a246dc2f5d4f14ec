/**
 * /assess/ with JavaScript: a track select and a level select filled from
 * the page's own list of worksheets, and the worksheets this browser keeps
 * (read from localStorage, never sent anywhere).
 */
import { parseJson, progress, type Worksheet } from '../site/assessment.ts';

interface Choice {
  track: string;
  level: string;
  grade: number;
  title: string;
  href: string;
}

export function mountAssessPicker(form: HTMLFormElement): void {
  const trackSelect = document.getElementById('_assess-track') as HTMLSelectElement | null;
  const levelSelect = document.getElementById('_assess-level') as HTMLSelectElement | null;
  if (!trackSelect || !levelSelect) return;
  const choices: Choice[] = [...document.querySelectorAll<HTMLAnchorElement>('a[data-level]')].map((a) => ({
    track: a.dataset.track ?? '',
    level: a.dataset.level ?? '',
    grade: Number(a.dataset.grade),
    title: a.dataset.title ?? '',
    href: a.getAttribute('href') ?? '',
  }));

  const fill = () => {
    const previous = levelSelect.value;
    levelSelect.replaceChildren(
      ...choices
        .filter((c) => c.track === trackSelect.value)
        .map((c) => {
          const option = document.createElement('option');
          option.value = c.level;
          option.textContent = `Grade ${c.grade}: ${c.title}`;
          return option;
        }),
    );
    if ([...levelSelect.options].some((o) => o.value === previous)) levelSelect.value = previous;
  };
  trackSelect.addEventListener('change', fill);
  fill();
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const choice = choices.find((c) => c.level === levelSelect.value);
    if (choice) window.location.assign(choice.href);
  });
  form.hidden = false;

  // Worksheets with answers in this browser.
  const prefix = form.dataset.prefix ?? '';
  const kept = document.getElementById('_assess-kept');
  const list = document.getElementById('_assess-kept-list');
  if (!kept || !list) return;
  let store: Storage;
  try {
    store = window.localStorage;
  } catch {
    return;
  }
  const items: HTMLLIElement[] = [];
  for (const choice of choices) {
    let text: string | null = null;
    try {
      text = store.getItem(`${prefix}${choice.level}`);
    } catch {
      return;
    }
    if (!text) continue;
    const parsed = parseJson(text);
    if (!parsed.ok) continue;
    const sheet: Worksheet = {
      level: choice.level,
      title: choice.title,
      items: parsed.value.items.map((i) => ({ id: i.id, competency: '', text: i.text ?? '' })),
    };
    const answers = Object.fromEntries(parsed.value.items.map((i) => [i.id, { rating: i.rating, evidence: i.evidence }]));
    const p = progress(sheet, answers);
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = choice.href;
    a.textContent = choice.title;
    li.append(a, ` (grade ${choice.grade}): ${p.rated} of ${p.total} expectations rated`);
    items.push(li);
  }
  if (items.length > 0) {
    list.replaceChildren(...items);
    kept.hidden = false;
  }
}
