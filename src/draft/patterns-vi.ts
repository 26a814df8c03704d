/** Vietnamese claim words (DESIGN §3.5): "tăng X% so với", "đạt X% dự toán", "chiếm", "gấp … lần". */
import type { ClaimWords } from './patterns.js';

/** Hedges and fillers that may stand between a claim word and its number. */
const H = String.raw`(?:\s+(?:khoảng|gần|hơn|trên|xấp xỉ|chừng|ước|ước đạt|đến|tới|lên|thêm|được|đạt|là|mức|ở mức|với|dưới|tối thiểu|ít nhất))*\s*`;

export const vi: ClaimWords = {
  up: new RegExp(String.raw`(?:^|[^\p{L}])(?:tăng|nhích|tăng trưởng)${H}$`, 'u'),
  down: new RegExp(String.raw`(?:^|[^\p{L}])(?:giảm|sụt giảm)${H}$`, 'u'),
  averageGrowth: new RegExp(
    String.raw`(?:^|[^\p{L}])(?:(?:bình quân|trung bình)(?:\s+mỗi năm|\s+hằng năm|\s+hàng năm)?\s+(?:tăng|tăng trưởng)|(?:tăng|tăng trưởng)\s+(?:bình quân|trung bình))(?:\s+(?:mỗi năm|hằng năm|hàng năm|\/năm))?${H}$`,
    'u',
  ),
  average: /(?:^|[^\p{L}])(?:bình quân|trung bình)(?![^;]*(?:so với|cao hơn|thấp hơn))[^;]*$/u,
  growthWord: /tăng trưởng|tốc độ tăng/u,
  planAfter: /^\s*(?:so với\s+)?(?:dự toán|kế hoạch|kh\b|chỉ tiêu kế hoạch)/u,
  exceed: new RegExp(String.raw`(?:^|[^\p{L}])vượt${H}$`, 'u'),
  share: new RegExp(String.raw`(?:^|[^\p{L}])(?:chiếm(?:\s+tỷ trọng|\s+tỉ trọng|\s+tỷ lệ|\s+tỉ lệ)?|bằng)${H}$`, 'u'),
  shareAfter: /^\s*(?:tổng số|tổng|của tổng)/u,
  multiple: new RegExp(String.raw`(?:^|[^\p{L}])gấp${H}$`, 'u'),
  higher: new RegExp(String.raw`(?:^|[^\p{L}])(?:cao hơn|nhiều hơn|lớn hơn)${H}$`, 'u'),
  lower: new RegExp(String.raw`(?:^|[^\p{L}])(?:thấp hơn|ít hơn|nhỏ hơn)${H}$`, 'u'),
  higherAfter: /(?!)/u,
  lowerAfter: /(?!)/u,
  changeTo: /^\s*(?:lên|lên mức|xuống|xuống còn|còn)\s/u,
  multipleBase: /^[\s,]*(?:so với\s+)?((?:năm|cùng kỳ|mức|giai đoạn|kỳ)[^;)]*)/u,
  wholeAfter: /^\s*(?:của\s+)?(?:tổng\s+)?(?:số\s+)?([\p{L}\p{M} -]+)/u,
  targetRange: /(?:^|[^\p{L}])(?:đạt|trong|nằm trong)\s+(?:mục tiêu|chỉ tiêu|khoảng mục tiêu)[^;]*$/u,
  base: /^[\s,]*(?:điểm phần trăm|điểm %|điểm)?\s*(?:so với|so)\s+([^;)]*)/u,
  previous: /cùng kỳ|năm trước|năm ngoái|kỳ trước/u,
  partsOf: /(?:^|[^\p{L}])(?:trong đó)(?:[^\p{L}]|$)/u,
  madeOf: /(?:^|[^\p{L}])(?:gồm|bao gồm)(?:[^\p{L}]|$)/u,
  verbs: new Set(['đạt', 'là', 'có', 'tăng', 'giảm', 'chiếm', 'ước', 'bằng', 'gấp', 'vượt', 'được', 'còn', 'lên', 'xuống', 'đã', 'gồm', 'hiện']),
  stop: new Set([
    'của', 'các', 'những', 'và', 'năm', 'giai', 'đoạn', 'trong', 'đó', 'với', 'so', 'toàn', 'tỉnh', 'tổng', 'số', 'mức', 'theo',
    'trên', 'bàn', 'lần', 'gấp', 'còn', 'tại', 'cho', 'thì', 'này', 'khoảng', 'gần', 'hơn', 'từ', 'đến', 'tới', 'một', 'nhà', 'nước', 'cả',
  ]),
};
