/** English claim words (DESIGN §3.5): "up X% on", "X% of the target", "accounts for", "X times". */
import type { ClaimWords } from './patterns.js';

const H = String.raw`(?:\s+(?:by|about|around|almost|nearly|some|roughly|approximately|over|more than|just|a further|an|a|of|to|at|some))*\s*`;

export const en: ClaimWords = {
  up: new RegExp(
    String.raw`(?:^|[^\p{L}])(?:up|rose|rise of|risen|rising|increased|increase of|increasing|grew|growth of|grown|growing|climbed|jumped|gained|higher)${H}$`,
    'u',
  ),
  down: new RegExp(
    String.raw`(?:^|[^\p{L}])(?:down|fell|fall of|fallen|falling|decreased|decrease of|declined|decline of|dropped|drop of|lower|shrank|contracted)${H}$`,
    'u',
  ),
  averageGrowth: new RegExp(
    String.raw`(?:^|[^\p{L}])(?:(?:grew|rose|increased|expanded) at an average (?:annual |yearly )?(?:rate )?of|average (?:annual |yearly )?(?:growth|increase|rise)(?: rate)?(?: of| was| is| at)?|grew (?:by )?an average(?: of)?|(?:rose|increased|grew) (?:by )?(?:an )?average(?: annual)?(?: of)?)${H}$`,
    'u',
  ),
  average: /(?:^|[^\p{L}])(?:average|averaged|mean)(?![^;]*(?:compared|than))[^;]*$/u,
  growthWord: /growth|grew|increase|rise|rose/u,
  planAfter: /^\s*of\s+(?:the\s+|its\s+)?(?:annual\s+|full-year\s+|yearly\s+)?(?:target|plan|budget|forecast|goal|estimate)/u,
  exceed: new RegExp(String.raw`(?:^|[^\p{L}])(?:exceeded|exceeding|beat|surpassed)(?: (?:the|its) (?:target|plan|budget|goal))?(?: by)?${H}$`, 'u'),
  share: new RegExp(String.raw`(?:^|[^\p{L}])(?:equal to|equivalent to|accounts? for|accounted for|accounting for|made up|making up|makes up|represents?|represented|representing|share of|comprised|comprises)${H}$`, 'u'),
  shareAfter: /^\s*of\s+(?:the\s+)?(?:total|all|overall|national)/u,
  multiple: /(?!)/u,
  higher: new RegExp(String.raw`(?:^|[^\p{L}])(?:higher than|above|more than)${H}$`, 'u'),
  lower: new RegExp(String.raw`(?:^|[^\p{L}])(?:lower than|below|less than)${H}$`, 'u'),
  higherAfter: /^\s*(?:higher|more|greater|larger|above)(?:\s+than)?\s/u,
  lowerAfter: /^\s*(?:lower|less|smaller|fewer|below)(?:\s+than)?\s/u,
  changeTo: /^\s*(?:to|to reach)\s/u,
  multipleBase: /^[\s,]*(?:as (?:high|large|much|many|big) as\s+|that of\s+|those of\s+|the\s+|its\s+|their\s+)([^;)]*)/u,
  wholeAfter: /^\s*of\s+(?:the\s+)?(?:total\s+)?([\p{L}\p{M} -]+)/u,
  targetRange: /(?:^|[^\p{L}])(?:within|inside|meeting|met|meets|in line with)\s+(?:the\s+|its\s+)?(?:target|goal)[^;]*$/u,
  base: /^[\s,]*(?:percentage points?|points?|pp)?\s*(?:(?:higher|lower|more|less|greater|smaller|fewer)\s+)?(?:on|from|over|compared (?:with|to)|than|against|versus|vs\.?|above|below)\s+([^;)]*)/u,
  previous: /same (?:period|quarter|month) (?:of |a )?(?:last|the previous|previous) year|last year|a year (?:earlier|ago|before)|the previous year|year[- ]on[- ]year|the year before/u,
  partsOf: /(?:^|[^\p{L}])(?:of which|including|among them|among which)(?:[^\p{L}]|$)/u,
  madeOf: /(?:^|[^\p{L}])(?:comprising|consisting of|made up of|split into|divided into)(?:[^\p{L}]|$)/u,
  verbs: new Set([
    'was', 'were', 'is', 'are', 'reached', 'stood', 'rose', 'fell', 'grew', 'increased', 'decreased', 'totalled', 'totaled',
    'amounted', 'came', 'accounted', 'represented', 'hit', 'climbed', 'declined', 'dropped', 'up', 'down', 'had', 'has', 'reaching',
    'at', 'to', 'of', 'by', 'with', 'averaged', 'registered', 'recorded',
  ]),
  stop: new Set(['when', 'they', 'it', 'which', 'while', 'where', 'there', 'compared', 'times', 'than', 'as', 'per', 'cent', 'the', 'a', 'an', 'in', 'for', 'and', 'its', 'their', 'this', 'that', 'on', 'from', 'total', 'overall', 'some', 'about', 'year', 'period']),
};
