import { describe, expect, it } from 'vitest';
import { repairMojibake } from '../src/detectors/mojibake.js';
import { check } from './helpers/run.js';

const encoding = (text: string) => check(text, 'encoding/').flags;

// Windows-1252 bytes 0x80–0x9F (Node 20's TextDecoder('windows-1252') reads them as Latin-1 controls).
const CP1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
/** What a UTF-8 → Windows-1252 (or, with latin1, Latin-1) round trip does to text. */
function garble(s: string, latin1 = false): string {
  return Array.from(new TextEncoder().encode(s), (b) => (!latin1 && b >= 0x80 && b <= 0x9f ? CP1252[b - 0x80]! : String.fromCharCode(b))).join('');
}
const cp1251 = (s: string): string => new TextDecoder('windows-1251').decode(new TextEncoder().encode(s));

describe('mojibake', () => {
  it.each(['’', '“', '”', '—', '–', 'é', 'ü', 'ñ', 'ç', '€', '…', 'ö', 'à', '£'])('recognises %s garbled through Windows-1252 and repairs it', (ch) => {
    const text = `The report${garble(ch)}s author said so.`;
    const [f] = encoding(text);
    expect(f?.ruleId).toBe('encoding/mojibake');
    expect(f?.suggestion).toBe(ch);
    expect(text.slice(f!.start, f!.end)).toBe(garble(ch));
  });

  it('repairs every layer of text garbled more than once, and says how', () => {
    for (const clean of ['The café’s owner said “no”.', 'Zürich — 40°C… ok']) {
      for (const g of [garble(clean), garble(garble(clean)), garble(garble(garble(clean))), garble(garble(clean), true)]) {
        expect(repairMojibake(g), g).toBe(clean);
      }
    }
    const [f] = encoding(`The caf${garble(garble('é'))} opened.`);
    expect(f?.suggestion).toBe('é');
    expect(f?.message).toContain('Windows-1252 twice');
  });

  it('restores Windows-1252 punctuation read as C1 control characters instead of deleting it', () => {
    const text = 'He said \u0093no\u0094 \u0096 twice\u0085';
    expect(repairMojibake(text)).toBe('He said “no” – twice…');
    expect(encoding(text).map((f) => f.ruleId)).toEqual(['encoding/mojibake', 'encoding/mojibake', 'encoding/mojibake', 'encoding/mojibake']);
  });

  it.each(['✔ done, ♫ playing, score ≥ 90', '中文和日本語', 'ภาษาไทย', 'Tiếng Việt ở Hà Nội', 'قال الوزير', 'אמר השר', 'Москва и Минск', 'Łódź i Kraków', 'Ελλάδα'])('repairs three-byte and non-Latin text: %s', (clean) => {
    expect(repairMojibake(garble(clean))).toBe(clean);
    expect(repairMojibake(garble(clean, true))).toBe(clean);
  });

  it('repairs UTF-8 read as Windows-1251 when the whole article shows it', () => {
    const clean = 'Москва и Минск подписали соглашение о сотрудничестве в среду.';
    expect(repairMojibake(cp1251(clean))).toBe(clean);
  });

  it('leaves capitals before ™ — … £ and no-break spaces alone', () => {
    for (const t of ['The CAFÉ… sign.', 'ROSÉ™ wine', 'MAÑANA— later', 'IRMÃ\u00a0 said', 'KÂ… and PRÂ° here', 'NIÛ™– sign', 'The Ä— mark', 'ÉTÉ£5']) {
      expect(encoding(t).map((f) => `${f.text}→${f.suggestion}`), t).toEqual([]);
    }
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
