import { describe, expect, it } from 'vitest';
import { repairMojibake } from '../src/detectors/mojibake.js';
import { check } from './helpers/run.js';

const encoding = (text: string) => check(text, 'encoding/').flags;

/** What a UTF-8 → Windows-1252 round trip does to text. */
function garble(s: string): string {
  const bytes = new TextEncoder().encode(s);
  return new TextDecoder('windows-1252').decode(bytes);
}

describe('mojibake', () => {
  it.each(['’', '“', '”', '—', '–', 'é', 'ü', 'ñ', 'ç', '€', '…', 'ö'])('recognises %s garbled through Windows-1252 and repairs it', (ch) => {
    const text = `The report${garble(ch)}s author said so.`;
    const [f] = encoding(text);
    expect(f?.ruleId).toBe('encoding/mojibake');
    expect(f?.suggestion).toBe(ch);
    expect(text.slice(f!.start, f!.end)).toBe(garble(ch));
  });

  it('repairs a whole garbled word run at once', () => {
    expect(repairMojibake(garble('Montréal’s'))).toBe(null); // plain letters are not part of the run
    expect(repairMojibake(garble('é'))).toBe('é');
  });

  it('leaves real accented and symbol text alone in several languages', () => {
    for (const t of ['SÃO PAULO — Brazil’s largest city.', 'Le café à Montréal était fermé « hier ».', 'Ärger über Öl: Grüße aus Köln.', 'Prices in £ and € rose ±2% to ¥300.', 'Señor Núñez, año 2024.', 'Łódź and Kraków; Øresund; Æsir.']) {
      expect(encoding(t).map((f) => f.text), t).toEqual([]);
    }
  });
});

describe('lost and invisible characters', () => {
  it('flags replacement characters, zero-width spaces inside words and control characters', () => {
    expect(encoding('The mayor of Bogot\ufffd spoke.').map((f) => f.ruleId)).toEqual(['encoding/replacement-character']);
    const zw = encoding('The com\u200bpany said.');
    expect(zw.map((f) => [f.ruleId, f.suggestion])).toEqual([['encoding/invisible-character', '']]);
    expect(encoding('A bell\u0007 rang.').map((f) => f.ruleId)).toEqual(['encoding/control-character']);
  });
  it('leaves emoji joiners and tabs and line breaks alone', () => {
    expect(encoding('Family: 👨‍👩‍👧 and a tab\there.\r\nNew line.')).toEqual([]);
  });
});
