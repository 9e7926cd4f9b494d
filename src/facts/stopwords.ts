// English function words and reporting verbs that say nothing about what a sentence claims. They are
// left out of claim terms, so two sentences count as "about the same thing" only through content words.
export const STOPWORDS = new Set(
  `a about above after again against all also am an and any are as at be because been before being below between both
but by can could did do does doing down during each few for from further had has have having he her here hers herself
him himself his how i if in into is it its itself just me more most my myself now of off on once only or other our ours
ourselves out over own same she should so some such than that the their theirs them themselves then there these they this
those through to too under until up very was we were what when where which while who whom why will with would you your
yours yourself yourselves said says say told according also however would may might must shall one two three
mr mrs ms dr just still yet even well much many last next new first week year years month months day days time
who's it's that's there's he's she's they're we're i'm don't can't won't isn't aren't wasn't weren't didn't doesn't
percent per cent million billion thousand trillion`.split(/\s+/),
);

/** Words that negate the clause they are in. */
export const NEGATIONS = new Set(['not', 'no', 'never', 'none', 'nobody', 'nothing', 'neither', 'nor', 'cannot', 'without']);

/** Words that make a statement tentative: a hedged claim does not contradict a plain one. */
export const HEDGES = new Set([
  'could', 'may', 'might', 'would', 'should', 'possibly', 'perhaps', 'reportedly', 'allegedly', 'likely', 'unlikely',
  'expected', 'expects', 'plans', 'planned', 'hopes', 'hoped', 'aims', 'seeks', 'if', 'whether', 'potential', 'potentially',
  'eventual', 'eventually', 'optimism', 'bid', 'proposed', 'wants', 'intends',
]);
