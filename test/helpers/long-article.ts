import { mulberry32 } from '../../scripts/lib/random.mjs';

const WORDS = 'the minister said on monday that talks with the delegation would resume next week after officials from both countries agreed on a budget of forty million euros for the new rail link between the two capitals while analysts warned that trade and security issues remained open'.split(' ');

/** A long article of plausible sentences (seeded, so every run checks the same text): slow to check on purpose. */
export function longArticle(chars: number, seed = 7): string {
  const rnd = mulberry32(seed);
  const out: string[] = [];
  let size = 0;
  while (size < chars) {
    const n = 8 + Math.floor(rnd() * 18);
    const words = Array.from({ length: n }, () => WORDS[Math.floor(rnd() * WORDS.length)]!);
    let s = `${words.join(' ')}.`;
    s = s[0]!.toUpperCase() + s.slice(1);
    if (rnd() < 0.15) s += '\n\n';
    else s += ' ';
    out.push(s);
    size += s.length;
  }
  return out.join('').slice(0, chars);
}
