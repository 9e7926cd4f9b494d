// The comparison thread's join of routed facts with the main thread's items: input order whatever order they
// arrive in, nothing handed on before its facts, facts no item names left out.
import { describe, expect, it } from 'vitest';
import type { ArticleFacts } from '../src/facts/facts.js';
import { FactsJoin } from '../src/engine/facts-join.js';

const facts = (article: string): ArticleFacts => ({ article } as ArticleFacts);

describe('FactsJoin', () => {
  it('hands items on in the main thread order, each once its facts are in', () => {
    const join = new FactsJoin();
    join.facts(2, facts('c'));
    join.items([{ factsAt: 0, length: 1 }, { facts: facts('b'), length: 2 }, { factsAt: 2, length: 3 }]);
    expect(join.ready()).toEqual([]);
    expect(join.settled).toBe(false);
    join.facts(0, facts('a'));
    expect(join.ready().map((i) => [i.facts!.article, i.length])).toEqual([['a', 1], ['b', 2], ['c', 3]]);
    expect(join.settled).toBe(true);
    expect(join.ready()).toEqual([]);
  });

  it('waits at the first item whose facts are missing, and skips facts of articles that failed', () => {
    const join = new FactsJoin();
    join.facts(7, facts('failed')); // posted, but its article's answer never came: no item names it
    join.items([{ factsAt: 5, length: 0 }, { factsAt: 6, length: 0 }]);
    join.facts(6, facts('y'));
    expect(join.ready()).toEqual([]);
    join.facts(5, facts('x'));
    expect(join.ready().map((i) => i.facts!.article)).toEqual(['x', 'y']);
    join.items([{ factsAt: 8, length: 0 }]);
    join.facts(8, facts('z'));
    expect(join.ready().map((i) => i.facts!.article)).toEqual(['z']);
    expect(join.settled).toBe(true);
  });
});
