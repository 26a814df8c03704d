/**
 * Numbers that label or identify rather than count: classified, never asked to be claims.
 *
 *  - label: a bare number after a label word — "Hình 1", "Bảng 2", "Điều 5", "Khoản 2", "mục
 *    1.5", "Figure 1", "Table 2", "Level 2", "Top 10", "Section 3.2" — a section number
 *    "1.2.3", or a numbered list item at the start of a line ("1. …", "2.1) …"). Only a BARE
 *    number is a label: "khoản 500 triệu đồng" (an amount) and "Top 10%" (a share) stay
 *    quantities. A year is never a label ("giai đoạn 2021 - 2023").
 *  - name: a number inside a proper name after a road word — "Quốc lộ 4B", "Highway 1".
 *  - identifier: a code glued to letters ("COVID-19", "H5N1", "G20"), a phone number, or any
 *    number inside a URL or an e-mail address.
 */
import Fraction from 'fraction.js';
import type { NumberKind, WrittenNumber } from '../model.js';
import { isWordChar } from './text.js';

/** Label words, lower-case; multi-word ones with single spaces. */
const LABEL_WORDS = new Set([
  // vi
  'hình', 'bảng', 'biểu', 'biểu đồ', 'sơ đồ', 'phụ lục', 'mục', 'chương', 'phần', 'điều', 'khoản', 'tiết', 'trang', 'tr.',
  'tầng', 'phòng', 'cấp độ', 'giai đoạn', 'lô', 'tổ', 'khóa', 'khoá', 'câu', 'bước', 'phường', 'quận', 'đợt', 'tập',
  'công nghiệp', 'cách mạng', 'phiên bản', 'mẫu',
  // en
  'figure', 'fig.', 'table', 'chart', 'graph', 'exhibit', 'appendix', 'annex', 'section', 'chapter', 'part', 'article',
  'clause', 'paragraph', 'para.', 'page', 'p.', 'pp.', 'level', 'phase', 'stage', 'tier', 'grade', 'step', 'item', 'box',
  'note', 'no.', 'room', 'floor', 'district', 'ward', 'line', 'platform', 'gate', 'terminal', 'top', 'group', 'round',
  'version', 'v.', 'class', 'category', 'type', 'model', 'series', 'volume', 'vol.', 'issue', 'episode', 'season', 'goal',
  'target', 'industry', 'web', 'iso',
]);
/** "số 5" is a label only after a noun that is numbered: "Nghị quyết số 12", "đường số 5", not "tổng số 511". */
const NUMBERED_BEFORE_SO = new Set([
  'quyết', 'định', 'tư', 'công văn', 'văn', 'bản', 'luật', 'đường', 'phòng', 'nhà', 'tuyến', 'hoạch', 'trình', 'cáo', 'chỉ thị', 'thị',
  'luận', 'án', 'đồng', 'bảng', 'hình', 'mẫu', 'lệnh', 'tờ', 'quy', 'nghị', 'kết', 'hiệu', 'tàu', 'xe', 'phiếu', 'biên',
]);
const NAME_WORDS = new Set(['quốc lộ', 'tỉnh lộ', 'đường tỉnh', 'ql', 'đt', 'highway', 'route', 'national road', 'interstate', 'road']);

/** The label token: digits, dotted or dashed parts, an optional letter ("Table 2a", "Figure 3-1", "4B"). */
const LABEL_TOKEN = /[0-9]+(?:[.-][0-9]+)*(?:[A-Za-z](?![\p{L}\p{N}]))?/uy;
const SECTION = /[0-9]{1,3}(?:\.[0-9]{1,3}){2,}\.?(?![0-9])/y;
const LIST_ITEM = /[0-9]{1,3}(?:\.[0-9]{1,3})*[.)](?=[ \t\u00a0\u202f])/y;
const LINE_SECTION = /[0-9]{1,3}(?:\.[0-9]{1,2})+(?=[ \t\u00a0\u202f]+\p{Lu})/uy;
const PHONE = /(?:\+[0-9]{1,3}[ .\-\u00a0\u202f]?)?(?:\([0-9]{1,4}\)[ .\-\u00a0\u202f]?)?[0-9]{2,4}(?:[ .\-\u00a0\u202f][0-9]{2,4}){1,4}(?![0-9])|[0-9]{9,11}(?![0-9])/y;
const PHONE_BEFORE = /(?:điện[ \t\u00a0\u202f\u2009\n]+thoại|đt|sđt|tel\.?|phone|hotline|fax|mobile|di[ \t\u00a0\u202f\u2009\n]+động|đường[ \t\u00a0\u202f\u2009\n]+dây[ \t\u00a0\u202f\u2009\n]+nóng)[ \t\u00a0\u202f\u2009\n]*[:.]?[ \t\u00a0\u202f\u2009\n]*(?:\+|\()?$/iu;
const URL_RUN = /[^\s<>"'“”()[\]{}]+/uy;
const URL_LIKE = /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.)|[^\s@]+@[^\s@]+\.[a-z]{2,}|^[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|vn|gov|edu|info|io|uk|us|int)(?:\/|$)/iu;
const YEARLIKE = /^(19|20)[0-9]{2}$|^2100$/;
const ACRONYM_BEFORE = /(?:^|[^\p{L}\p{N}])(\p{Lu}{2,6})[ \t\u00a0\u202f\u2009\n]+$/u;

function sticky(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

export function classified(text: string, start: number, end: number, kind: NumberKind, why: string, numeralAt = start): WrittenNumber {
  let d = numeralAt;
  while (d < end && !/[0-9]/.test(text[d]!)) d++;
  let e = d;
  while (e < end && /[0-9]/.test(text[e]!)) e++;
  return {
    text: text.slice(start, end),
    span: { start, end },
    kind,
    numeral: text.slice(d, e),
    value: new Fraction(e > d ? BigInt(text.slice(d, e)) : 0n),
    decimals: 0,
    scaleExponent: 0,
    percent: false,
    why,
  };
}

const SPACE_CHAR = /[ \t\u00a0\u202f\u2009\n]/u;
const WORD_CHAR = /[\p{L}\p{M}]/u;

/**
 * The last one, two and three words before `pos` (only spaces between them and it; a word may
 * end with an abbreviation's dot: "Fig.", "No."), lower-case; or "#". Scans back by hand: this
 * runs for most numbers of a document.
 */
function wordsBefore(text: string, pos: number): { one: string; two: string; three: string; hash: boolean } {
  const words: string[] = [];
  let p = pos;
  let q = p;
  while (q > 0 && (text[q - 1] === ' ' || text[q - 1] === '\t')) q--;
  if (text[q - 1] === '#') return { one: '#', two: '#', three: '#', hash: true };
  for (let k = 0; k < 3; k++) {
    let e = p;
    while (e > 0 && SPACE_CHAR.test(text[e - 1]!)) e--;
    if (e === p && !(k === 0 && text[p - 1] === '.')) break;
    let s = e;
    if (text[s - 1] === '.') s--;
    const end = e;
    while (s > 0 && WORD_CHAR.test(text[s - 1]!)) s--;
    if (s === end || (text[end - 1] === '.' && s === end - 1)) break;
    if (s > 0 && /[\p{N}]/u.test(text[s - 1]!)) break;
    words.unshift(text.slice(s, end).toLowerCase());
    p = s;
    if (pos - p > 40) break;
  }
  const n = words.length;
  return {
    one: words[n - 1] ?? '',
    two: n >= 2 ? words.slice(n - 2).join(' ') : '',
    three: n >= 3 ? words.slice(n - 3).join(' ') : '',
    hash: false,
  };
}

/** A label or a name at the digit `pos`, given that the number there is bare (no unit, scale or percent). */
export function labelAt(text: string, pos: number): WrittenNumber | null {
  const m = sticky(LABEL_TOKEN, text, pos);
  if (!m || YEARLIKE.test(m[0])) return null;
  const end = pos + m[0].length;
  const w = wordsBefore(text, pos);
  if (w.hash) return classified(text, pos, end, 'label', 'label: a number after "#"');
  const name = [w.three, w.two, w.one].find((x) => x && NAME_WORDS.has(x));
  if (name) return classified(text, pos, end, 'name', `name: part of a name after "${name}"`);
  const label = [w.two, w.one].find((x) => x && LABEL_WORDS.has(x));
  if (label) return classified(text, pos, end, 'label', `label: a bare number after "${label}"`);
  // "RON 95", "COVID 19", "ISO 9001": a bare integer named by an acronym is part of the name.
  const acronym = ACRONYM_BEFORE.exec(text.slice(Math.max(0, pos - 12), pos));
  if (acronym && /^[0-9]+$/.test(m[0])) return classified(text, pos, end, 'label', `label: a bare number after the acronym "${acronym[1]}"`);
  if (w.one === 'số') {
    const owner = w.two.split(' ')[0] ?? '';
    if (NUMBERED_BEFORE_SO.has(owner)) return classified(text, pos, end, 'label', `label: a bare number after "${w.two}"`);
  }
  return null;
}

/** A section number "1.2.3" anywhere, or a numbered heading or list item at the start of a line. */
export function sectionAt(text: string, pos: number): WrittenNumber | null {
  const s = sticky(SECTION, text, pos);
  // "1.234.567" is a grouped number in vi-VN; a section has some part that is not three digits.
  if (s && s[0].replace(/\.$/, '').split('.').slice(1).some((p) => p.length !== 3)) {
    return classified(text, pos, pos + s[0].replace(/\.$/, '').length, 'label', 'label: a section number');
  }
  let ls = pos;
  while (ls > 0 && (text[ls - 1] === ' ' || text[ls - 1] === '\t' || text[ls - 1] === '#')) ls--;
  if (ls > 0 && text[ls - 1] !== '\n') return null;
  const item = sticky(LIST_ITEM, text, pos);
  if (item) return classified(text, pos, pos + item[0].length - 1, 'label', 'label: a numbered item at the start of a line');
  const head = sticky(LINE_SECTION, text, pos);
  if (head) return classified(text, pos, pos + head[0].length, 'label', 'label: a section number at the start of a line');
  return null;
}

/** A phone number at `pos`: "+84 912 345 678", "0912.345.678", "(024) 3824 1234", or digits after "Tel:". */
export function phoneAt(text: string, pos: number): WrittenNumber | null {
  let start = pos;
  if (text[pos - 1] === '+' || text[pos - 1] === '(') start = pos - 1;
  const m = sticky(PHONE, text, start);
  if (!m) return null;
  const digits = m[0].replace(/[^0-9]/g, '');
  const context = PHONE_BEFORE.test(text.slice(Math.max(0, start - 24), start + (text[start] === '+' || text[start] === '(' ? 1 : 0)));
  const looksLikePhone = text[start] === '+' || text[start] === '(' || (text[pos] === '0' && digits.length >= 9 && /[0-9][ .\-\u00a0\u202f][0-9]|^[0-9]{10,11}$/.test(m[0]));
  if (digits.length < 8 || digits.length > 15 || !(context || looksLikePhone)) return null;
  return classified(text, start, start + m[0].length, 'identifier', 'identifier: a phone number', pos);
}

/** The URL or e-mail address around the digit `pos`, if the digit is part of one. */
export function urlAround(text: string, pos: number, floor: number): WrittenNumber | null {
  let s = pos;
  while (s > floor && s > pos - 200 && !/[\s<>"'“”()[\]{}]/u.test(text[s - 1]!)) s--;
  const m = sticky(URL_RUN, text, s);
  if (!m) return null;
  let run = m[0];
  while (/[.,;:!?]$/.test(run)) run = run.slice(0, -1);
  if (s + run.length <= pos || !URL_LIKE.test(run) || !/[\p{L}]/u.test(run)) return null;
  return classified(text, s, s + run.length, 'identifier', run.includes('@') && !run.includes('/') ? 'identifier: part of an e-mail address' : 'identifier: part of a URL', pos);
}

/** A code glued to letters on the left ("COVID-19", "H5N1", "G20"): the whole identifier. */
export function gluedIdentifier(text: string, digitAt: number, floor: number): WrittenNumber {
  const CONNECTORS = '-_';
  let s = digitAt;
  while (s > floor && (isWordChar(text[s - 1]) || (CONNECTORS.includes(text[s - 1]!) && isWordChar(text[s - 2]) && s - 1 > floor))) s--;
  let e = digitAt;
  while (e < text.length && (isWordChar(text[e]) || (CONNECTORS.includes(text[e]!) && isWordChar(text[e + 1])))) e++;
  const token = text.slice(s, e);
  if (/^[QH][1-4]$/u.test(token) && !(token[0] === 'H' && token[1]! > '2')) return classified(text, s, e, 'date', `date: ${token[0] === 'Q' ? 'a quarter' : 'a half-year'} (${token})`, digitAt);
  if (/^FY[0-9]{2}(?:[0-9]{2})?$/u.test(token)) return classified(text, s, e, 'year', `year: a fiscal year (${token})`, digitAt);
  if (/^(?:19|20)[0-9]0s$/u.test(token)) return classified(text, s, e, 'year', `year: a decade (${token})`, digitAt);
  return classified(text, s, e, 'identifier', `identifier: a code with letters (${token})`, digitAt);
}
