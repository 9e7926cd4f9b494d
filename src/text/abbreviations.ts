// Words that end in a full stop without ending a sentence. Lower-case, without the final dot.
export const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'mt', 'ft', 'gen', 'gov', 'sen', 'rep', 'rev', 'hon',
  'col', 'lt', 'sgt', 'capt', 'cmdr', 'adm', 'maj', 'pres', 'supt', 'messrs', 'mme', 'mlle',
  'inc', 'ltd', 'co', 'corp', 'plc', 'llc', 'bros', 'dept', 'univ', 'assn', 'est',
  'vs', 'etc', 'approx', 'cf', 'al', 'ca', 'viz', 'fig', 'figs', 'vol', 'vols', 'no', 'nos', 'pp', 'p', 'ch', 'sec',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
  'ave', 'blvd', 'rd', 'hwy', 'ste', 'apt',
  'e.g', 'i.e', 'a.m', 'p.m', 'u.s', 'u.k', 'u.n', 'u.s.a', 'ph.d', 'b.a', 'm.a', 'm.d', 'd.c', 'n.y', 'l.a',
  'ala', 'ariz', 'ark', 'calif', 'colo', 'conn', 'del', 'fla', 'ga', 'ill', 'ind', 'kan', 'ky', 'la', 'md', 'mass',
  'mich', 'minn', 'miss', 'mo', 'mont', 'neb', 'nev', 'okla', 'ore', 'pa', 'tenn', 'tex', 'va', 'vt', 'wash', 'wis', 'wyo',
]);

/** Words that usually open a sentence: after "U.S." they mean the full stop also ended one. */
export const SENTENCE_OPENERS = new Set([
  'the', 'a', 'an', 'it', 'he', 'she', 'they', 'we', 'i', 'but', 'and', 'in', 'on', 'at', 'this', 'that', 'these',
  'those', 'there', 'its', 'his', 'her', 'their', 'our', 'however', 'meanwhile', 'still', 'yet', 'so', 'if', 'when',
  'while', 'after', 'before', 'as', 'for', 'some', 'many', 'most', 'officials', 'what', 'why', 'how',
]);
