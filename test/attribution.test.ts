import { describe, expect, it } from 'vitest';
import { check } from './helpers/run.js';

describe('attribution/vague-attribution', () => {
  const body = [
    'Kazakhstan will double its grain exports to China by 2030, said Erlan Baizhanov, Kazakhstan’s ambassador to Beijing, on Tuesday.',
    'According to RIA Novosti, the first trains will leave in the spring.',
    'Sources said the customs rules would be eased, and the railway reportedly ordered new wagons.',
    'Experts say the route will cut delivery times by a week.',
  ].join('\n');
  it('flags only the claim sourced to nobody, and counts named and anonymous sources and hedges', () => {
    const r = check(body, 'attribution/');
    expect(r.flags.map((f) => f.text)).toEqual(['Experts say']);
    expect(r.stats.attributionNamed).toBe(2);
    expect(r.stats.attributionAnonymous).toBe(1);
    expect(r.stats.attributionHedges).toBe(1);
    expect(r.stats.attributionVague).toBe(1);
  });
  it('leaves a vague phrase alone inside a quotation or next to a named source', () => {
    expect(check('“Experts say it will never work,” the minister joked on Friday.', 'attribution/').flags).toEqual([]);
    expect(check('Experts say the route will cut delivery times, said Anna Petrova of the transport ministry.', 'attribution/').flags).toEqual([]);
  });
});
