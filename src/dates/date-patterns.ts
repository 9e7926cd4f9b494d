// Regular-expression sources for written dates, shared by the readers that cannot use chrono
// (publication lines, impossible dates). Compiled once at module load.

export const MONTH_NAME =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const ORD = '(?:st|nd|rd|th)?';

/**
 * A full written date with a year, in one of the groups:
 * mdy "Oct 16, 2025" / dmy "16 October 2025" / num "16.10.2025", "10/16/2025" / iso "2025-10-16".
 */
export const FULL_DATE = new RegExp(
  [
    `(?<mdyM>${MONTH_NAME})\\s+(?<mdyD>\\d{1,2})${ORD},?\\s+(?<mdyY>(?:19|20)\\d\\d)(?!\\d)`,
    `(?<![\\d.])(?<dmyD>\\d{1,2})${ORD}\\s+(?:of\\s+)?(?<dmyM>${MONTH_NAME}),?\\s+(?<dmyY>(?:19|20)\\d\\d)(?!\\d)`,
    `(?<![\\d.])(?<numA>\\d{1,2})(?<sep>[./])(?<numB>\\d{1,2})\\k<sep>(?<numY>(?:19|20)\\d\\d)(?![\\d])`,
    `(?<![\\d-])(?<isoY>(?:19|20)\\d\\d)-(?<isoM>\\d\\d)-(?<isoD>\\d\\d)(?![\\d])`,
  ].join('|'),
  'giu',
);
