/**
 * The self-assessment worksheet in the browser: keeps the answers in
 * localStorage as they are typed, exports them as JSON or CSV (a Blob and an
 * object URL: nothing is uploaded), imports a file chosen by the reader, and
 * clears them. Everything it needs is in the page; it makes no network
 * request. The formats live in src/site/assessment.ts.
 */
import {
  describeReport,
  MAX_FILE_BYTES,
  merge,
  parseFile,
  parseJson,
  progress,
  RATINGS,
  storageKey,
  toCsv,
  toJson,
  type Answers,
  type Rating,
  type Worksheet,
} from '../site/assessment.ts';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T | null;

/** The worksheet as the page describes it. */
export function readWorksheet(form: HTMLFormElement): Worksheet {
  return {
    level: form.dataset.level ?? '',
    title: form.dataset.title ?? '',
    items: [...form.querySelectorAll<HTMLFieldSetElement>('fieldset.ws-item')].map((fieldset) => ({
      id: fieldset.dataset.id ?? '',
      competency: fieldset.dataset.competency ?? '',
      text: fieldset.querySelector('.ws-text')?.textContent?.trim() ?? '',
    })),
  };
}

function fieldsOf(form: HTMLFormElement, id: string) {
  const fieldset = form.querySelector<HTMLFieldSetElement>(`fieldset.ws-item[data-id="${CSS.escape(id)}"]`);
  return {
    radios: fieldset ? [...fieldset.querySelectorAll<HTMLInputElement>('input[type="radio"]')] : [],
    evidence: fieldset?.querySelector<HTMLTextAreaElement>('textarea') ?? null,
  };
}

/** The answers on the page now. */
export function collect(form: HTMLFormElement, sheet: Worksheet): Answers {
  const answers: Answers = {};
  for (const item of sheet.items) {
    const { radios, evidence } = fieldsOf(form, item.id);
    const checked = radios.find((r) => r.checked)?.value;
    const rating = (RATINGS as readonly string[]).includes(checked ?? '') ? (checked as Rating) : null;
    const text = evidence?.value ?? '';
    if (rating !== null || text.trim() !== '') answers[item.id] = { rating, evidence: text };
  }
  return answers;
}

/** Shows answers on the page (every expectation: those without an answer are cleared). */
export function apply(form: HTMLFormElement, sheet: Worksheet, answers: Answers): void {
  for (const item of sheet.items) {
    const { radios, evidence } = fieldsOf(form, item.id);
    const answer = answers[item.id];
    for (const radio of radios) radio.checked = answer?.rating === radio.value;
    if (evidence) {
      evidence.value = answer?.evidence ?? '';
      fit(evidence);
    }
  }
}

/** Grows an evidence box with its text, so that it prints whole. */
function fit(textarea: HTMLTextAreaElement): void {
  textarea.style.height = '';
  if (textarea.scrollHeight > textarea.clientHeight) textarea.style.height = `${textarea.scrollHeight + 2}px`;
}

/** Local storage, or undefined when the browser refuses it (private modes, policies). */
function storage(): Storage | undefined {
  try {
    const s = window.localStorage;
    const probe = '__parity_probe__';
    s.setItem(probe, '1');
    s.removeItem(probe);
    return s;
  } catch {
    return undefined;
  }
}

function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function mountWorksheet(form: HTMLFormElement): void {
  const sheet = readWorksheet(form);
  const key = storageKey(form.dataset.base ?? '/', sheet.level);
  const store = storage();
  const status = $('_ws-status');
  const saved = $('_ws-saved');
  const tools = $('_ws-tools');
  const say = (text: string) => {
    if (status) status.textContent = text;
  };
  const time = () => new Date().toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  const showProgress = (answers: Answers, note: string) => {
    const p = progress(sheet, answers);
    if (saved)
      saved.textContent = `${p.rated} of ${p.total} expectations rated (${p.counts.consistently} consistently, ${p.counts.sometimes} sometimes, ${p.counts['not-yet']} not yet). ${note}`;
  };

  form.addEventListener('submit', (event) => event.preventDefault());
  if (tools) tools.hidden = false;

  // Restore what this browser kept.
  let answers: Answers = {};
  if (!store) {
    say('This browser does not let the page keep your answers: export them before you leave the page, or they are lost.');
  } else {
    const kept = store.getItem(key);
    if (kept) {
      const parsed = parseJson(kept);
      const merged = parsed.ok ? merge(sheet, parsed.value) : parsed;
      if (merged.ok) {
        answers = merged.answers;
        apply(form, sheet, answers);
      } else say('The answers kept in this browser could not be read; they are left as they were until you change an answer.');
    }
  }
  showProgress(answers, store ? 'Kept in this browser only.' : 'Not kept: export them.');

  const save = () => {
    answers = collect(form, sheet);
    if (!store) return showProgress(answers, 'Not kept: export them.');
    try {
      if (Object.keys(answers).length === 0) store.removeItem(key);
      else store.setItem(key, toJson(sheet, answers));
      showProgress(answers, `Kept in this browser at ${time()}.`);
    } catch {
      say('This browser refused to keep your answers (its storage may be full): export them to keep them.');
    }
    return undefined;
  };
  form.addEventListener('input', (event) => {
    if (event.target instanceof HTMLTextAreaElement) fit(event.target);
    save();
  });
  form.addEventListener('change', save);

  const stamp = () => new Date().toISOString().slice(0, 10);
  const base = `self-assessment-${sheet.level.replace('/', '-')}-${stamp()}`;
  $('_ws-export-json')?.addEventListener('click', () => {
    download(`${base}.json`, 'application/json', toJson(sheet, collect(form, sheet)));
    say(`Exported ${base}.json.`);
  });
  $('_ws-export-csv')?.addEventListener('click', () => {
    download(`${base}.csv`, 'text/csv;charset=utf-8', toCsv(sheet, collect(form, sheet)));
    say(`Exported ${base}.csv.`);
  });
  $('_ws-print')?.addEventListener('click', () => window.print());
  $('_ws-reset')?.addEventListener('click', () => {
    if (!window.confirm(`Clear every answer of this worksheet from this browser? Export them first if you want to keep them.`)) return;
    apply(form, sheet, {});
    save();
    say('Every answer was cleared from this browser.');
  });

  const input = $<HTMLInputElement>('_ws-import');
  input?.addEventListener('change', async () => {
    const file = input.files?.[0];
    if (!file) return;
    try {
      if (file.size > MAX_FILE_BYTES) {
        say(`${file.name} is too large to be a self-assessment (more than ${MAX_FILE_BYTES / 1024 / 1024} MB). Nothing was imported.`);
        return;
      }
      const parsed = parseFile(file.name, await file.text());
      const merged = parsed.ok ? merge(sheet, parsed.value, collect(form, sheet)) : parsed;
      if (!merged.ok) {
        say(`${file.name}: ${merged.error} Nothing was imported.`);
        return;
      }
      apply(form, sheet, merged.answers);
      save();
      say(`${file.name}: ${describeReport(merged.report)}`);
    } catch {
      say(`${file.name} could not be read. Nothing was imported.`);
    } finally {
      input.value = '';
    }
  });

  window.addEventListener('beforeprint', () => {
    for (const textarea of form.querySelectorAll('textarea')) fit(textarea);
  });
}
