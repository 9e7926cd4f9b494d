// A small synthetic batch with real cross-document relations (copies, shared statements, contradicting
// figures) that needs no ../shared: several desks reporting the same events in their own words.
const EVENTS = [
  ['The city council approved a budget of 4.2 million euros on Tuesday', 'The mayor said road repairs would start in May', 'Opposition members called the plan rushed'],
  ['Heavy rain flooded 120 homes in the river valley overnight', 'Rescue teams evacuated residents from the lower district', 'Officials expect the water to recede by Friday'],
  ['The national airline cancelled 35 flights because of a strike by ground staff', 'Unions demand a pay rise of 6 percent', 'Talks with management resume next week'],
  ['A new hospital wing with 80 beds opened in the northern suburb', 'The health minister attended the opening ceremony', 'Waiting lists should fall within a year'],
];
const FILLER = ['Local businesses welcomed the news', 'Reporters were told more details would follow', 'The statement was published on the official website', 'Residents shared mixed reactions online'];

export interface Rec {
  id: string;
  title: string;
  body: string;
}

export function relatedBatch(): Rec[] {
  const out: Rec[] = [];
  EVENTS.forEach((sentences, e) => {
    for (let v = 0; v < 4; v++) {
      const s = sentences.map((x) => (v === 3 ? x.replace(/\d+(\.\d+)?/, (n) => String(Number(n) * 2)) : x));
      const extra = FILLER.filter((_, k) => (k + v) % 2 === 0);
      const body = [...(v % 2 ? [...s].reverse() : s), ...extra].map((x) => `${x}.`).join(' ') + (v === 1 ? `\n\n${s[0]}.` : '');
      out.push({ id: `e${e}-v${v}`, title: `Event ${e} desk ${v}`, body });
    }
  });
  return out;
}

export const jsonl = (recs: object[]): string => recs.map((r) => JSON.stringify(r)).join('\n') + '\n';
