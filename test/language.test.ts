import { describe, expect, it } from 'vitest';
import { check } from './helpers/run.js';

const places = ['São Paulo', 'Rio de Janeiro', 'Belo Horizonte', 'Porto Alegre', 'Curitiba', 'Salvador', 'Fortaleza', 'Recife', 'Manaus', 'Belém', 'Goiânia', 'Campinas', 'São Luís', 'Maceió', 'Natal', 'Teresina', 'João Pessoa', 'Aracaju', 'Cuiabá', 'Florianópolis'];
// A results table of Brazilian clubs and stadiums: trigram statistics read it as Portuguese.
const table = Array.from({ length: 60 }, (_, i) => `${places[i % 20]} – ${places[(i * 7) % 20]}: ${i % 5}-${(i * 3) % 4} (Estádio ${places[(i * 3) % 20]})`).join('\n');

describe('language detection reads the prose, not the tables and lists', () => {
  it('an English report around a table of Portuguese names is English', () => {
    const body = `The results of the weekend's matches in the Brazilian league are below. Two of the leading clubs dropped points, and the title race is now open again.\n\n${table}\n\nThe league resumes next week after the international break.`;
    expect(check(body).language).toBe('eng');
  });

  it('the same table in a Portuguese report is Portuguese', () => {
    const body = `A classificação do campeonato depois da rodada ficou assim. Dois dos líderes perderam pontos, e a disputa pelo título está aberta de novo.\n\n${table}\n\nO campeonato volta na próxima semana, depois da pausa para os jogos da seleção.`;
    expect(check(body).language).toBe('por');
  });

  it('spun English (content words swapped for odd synonyms) is still English', () => {
    const body =
      'The undertaking had an outstanding effect on the nearby economy, as per authorities, who said the office would open entryways one month from now. Inhabitants invited the choice, however pundits cautioned that the expense would weigh on the city chamber spending plan for quite a long time to come. The city hall leader said the arrangement was the consequence of long stretches of discussion with neighbourhood gatherings and organizations.';
    expect(check(body).language).toBe('eng');
  });

  it('German and French prose are recognised (the fast path does not take every Latin text for English)', () => {
    const de = 'Der Stadtrat hat am Dienstag den Haushalt für das kommende Jahr beschlossen. Die Opposition kritisierte, dass die Kosten für die neue Bibliothek zu hoch seien und die Brücke über den Fluss noch immer gesperrt ist.';
    const fr = "Le conseil municipal a adopté mardi le budget de l'année prochaine. L'opposition estime que le coût de la nouvelle bibliothèque est trop élevé et que le pont sur la rivière reste fermé depuis les inondations.";
    expect(check(de).language).toBe('deu');
    expect(check(fr).language).toBe('fra');
  });

  it('too little text is undetermined', () => {
    expect(check('Budget approved.').language).toBe('und');
  });
});

describe('one English stopword list (rules/lang/eng.json)', () => {
  it('the facts read the same list, with the two named adjustments of that file and nothing else', async () => {
    const { languageData } = await import('../src/text/language-data.js');
    const { STOPWORDS: facts } = await import('../src/facts/stopwords.js');
    const { STOPWORDS: content } = await import('../src/text/content-words.js');
    const eng = languageData('eng');
    expect(content).toBe(eng.stopwords);
    const expected = new Set([...[...eng.stopwords].filter((w) => !eng.claimKeep.has(w)), ...eng.claimNeutral]);
    expect([...facts].sort()).toEqual([...expected].sort());
    // Negation and concession change what a claim states: never dropped from claim terms.
    for (const w of ['not', 'no', 'without', 'although', 'less']) expect(facts.has(w), w).toBe(false);
    // Reporting and calendar words say nothing about the claim: dropped from claim terms, kept as content words.
    for (const w of ['told', 'year', 'million']) {
      expect(facts.has(w), w).toBe(true);
      expect(content.has(w), w).toBe(false);
    }
  });
  it('no word list of English stopwords is left in the facts code', async () => {
    const { readFileSync } = await import('node:fs');
    const src = readFileSync(new URL('../src/facts/stopwords.ts', import.meta.url), 'utf8');
    expect(src).not.toMatch(/\b(?:ourselves|themselves|yourselves)\b/);
  });
});
