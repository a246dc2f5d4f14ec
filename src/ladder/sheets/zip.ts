/**
 * An XLSX file is a zip archive. Before any library inflates one, this module
 * checks it: the central directory must be readable, name a workbook, and
 * declare sizes within limits (a zip bomb declares kilobytes that inflate to
 * gigabytes); then every entry is inflated once, counting bytes, and
 * abandoned the moment it passes what it declared, so a directory that lies
 * about its sizes is caught too. Only then is the buffer handed to the reader.
 */
import { Inflate } from 'fflate';

export const ZIP_LIMITS = {
  /** Total uncompressed bytes of the archive. */
  total: 64 * 1024 * 1024,
  /** Entries in the archive (a workbook has a dozen or so, plus one per sheet). */
  entries: 2000,
  /** Compression ratio beyond which a large entry is a bomb, not a spreadsheet (XML compresses ~10-30x). */
  ratio: 400,
};

export type ZipCheck = { ok: true } | { ok: false; message: string };

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;

/** What the file's first bytes say it is, for a message when it is not a zip archive. */
export function sniff(bytes: Uint8Array): 'zip' | 'xls' | 'text' | 'binary' {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'zip';
  if (bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'xls';
  const head = bytes.subarray(0, 4096);
  return head.includes(0) ? 'binary' : 'text';
}

export function checkZip(bytes: Uint8Array): ZipCheck {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEnd(view);
  if (end < 0) return bad('it is not a complete zip archive (its directory is missing): the file may be damaged or only partly saved');
  const count = view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  const offset = view.getUint32(end + 16, true);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) return bad('it is a ZIP64 archive, larger than any spreadsheet of a career ladder');
  if (count > ZIP_LIMITS.entries) return bad(`it holds ${count} files; a workbook holds a few dozen`);
  if (offset + size > bytes.length) return bad('its directory points past the end of the file: the file is damaged');
  let at = offset;
  let total = 0;
  let workbook = false;
  const entries: { name: string; method: number; compressed: number; size: number; local: number }[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) return bad('its directory is damaged');
    const method = view.getUint16(at + 10, true);
    const compressed = view.getUint32(at + 20, true);
    const uncompressed = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (name === 'xl/workbook.xml') workbook = true;
    total += uncompressed;
    if (total > ZIP_LIMITS.total)
      return bad(`it would unpack to more than ${mb(ZIP_LIMITS.total)}: that is not a career ladder but a zip bomb or a very large workbook`);
    if (uncompressed > 1024 * 1024 && uncompressed > compressed * ZIP_LIMITS.ratio) {
      return bad(`its part ${name} is compressed ${Math.round(uncompressed / Math.max(compressed, 1))} to 1, as zip bombs are`);
    }
    if (method !== 0 && method !== 8) return bad(`its part ${name} uses a compression method (${method}) that spreadsheet programs do not write`);
    entries.push({ name, method, compressed, size: uncompressed, local });
    at += 46 + nameLength + extra + comment;
  }
  if (!workbook) return bad('it is a zip archive but not a workbook (it has no xl/workbook.xml): save it from the spreadsheet program as .xlsx');
  for (const entry of entries) {
    const inflated = inflatedSize(bytes, view, entry);
    if (inflated === undefined) return bad(`its part ${entry.name} is damaged`);
    if (inflated > entry.size) return bad(`its part ${entry.name} unpacks to more than the ${entry.size} bytes its directory declares, as zip bombs do`);
  }
  return { ok: true };
}

/** Inflates one entry without keeping it, stopping as soon as it exceeds its declared size. */
function inflatedSize(bytes: Uint8Array, view: DataView, entry: { method: number; compressed: number; size: number; local: number }): number | undefined {
  if (entry.local + 30 > bytes.length || view.getUint32(entry.local, true) !== LOCAL) return undefined;
  const start = entry.local + 30 + view.getUint16(entry.local + 26, true) + view.getUint16(entry.local + 28, true);
  const data = bytes.subarray(start, start + entry.compressed);
  if (data.length < entry.compressed) return undefined;
  if (entry.method === 0) return data.length;
  let total = 0;
  const limit = entry.size;
  const inflate = new Inflate((chunk) => {
    total += chunk.length;
    if (total > limit) throw new TooBig();
  });
  try {
    const step = 64 * 1024;
    for (let i = 0; i < data.length; i += step) inflate.push(data.subarray(i, i + step), i + step >= data.length);
    if (data.length === 0) inflate.push(new Uint8Array(0), true);
  } catch (error) {
    if (error instanceof TooBig) return total;
    return undefined;
  }
  return total;
}

class TooBig extends Error {}

function findEnd(view: DataView): number {
  const min = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let i = view.byteLength - 22; i >= min; i--) if (view.getUint32(i, true) === END) return i;
  return -1;
}

const bad = (message: string): ZipCheck => ({ ok: false, message });
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
