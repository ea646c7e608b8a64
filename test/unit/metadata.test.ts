import * as assert from 'node:assert/strict';
import { findHeaders, headerMetadata } from '../../src/core/metadata';
import { cleanText } from '../../src/core/text';
import { seed } from './helpers';

/** What `answeredBy` stands for: the answer's sentence read from its whole header, cleaned. */
const ANSWER_SENTENCE = /^Antwoord van (.+?)(?:,\s*mede namens .+?)?\s*\(ontvangen/u;

function answeredBy(text: string): string | undefined {
  return headerMetadata(text, findHeaders(text, text.length)).answeredBy;
}

function reference(text: string): string | undefined {
  const ah = findHeaders(text, text.length).find((h) => h.kind === 'answer');
  return ah ? ANSWER_SENTENCE.exec(cleanText(text.slice(ah.span.start, ah.span.end)))?.[1] : undefined;
}

describe('headerMetadata: who answers', () => {
  it('reads the answer sentence as from the whole header cleaned, whatever comes before or after "(ontvangen"', () => {
    const whos = [
      'Minister Bruins Slot (Binnenlandse Zaken en Koninkrijksrelaties)',
      'de minister van Volks-\ngezondheid, Welzijn en Sport',
      'Staatssecretaris Van der Burg (Justitie en Veiligheid), mede namens de Minister van Buitenlandse Zaken',
      'Minister\nVan Weyenberg (Financiën)',
      'Minister\uFEFF Kuipers (VWS)',
      'Minister Kuipers (ont-\nvangen) (VWS)',
      'Minister Kuipers (VWS)\r\n',
      'minister  Adema\u00A0(LNV)',
    ];
    const afters = [
      ' (ontvangen 6 december 2022).',
      '\n(ontvangen 6 december 2022).',
      ' (ontvangen 6 december 2022). Zie ook Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 1047. Zie\nook Aanhangsel Handelingen, nr. 1059. Antwoord van ge-\nzien (ontvangen 1 mei 2023).',
      ' (ont-\nvangen 6 december 2022).',
      ' (ontvangen\n6 december 2022).',
      ' zonder datum.',
      ' (ontvangen',
    ];
    let n = 0;
    for (const who of whos) {
      for (const after of afters) {
        const text = `Vragen van het lid X (VVD) over iets (ingezonden 1 maart 2022).\n\nAntwoord van ${who}${after}\n\nVraag 1\nWaarom?\n\nAntwoord 1\nDaarom.\n`;
        assert.equal(answeredBy(text), reference(text), JSON.stringify(text));
        if (answeredBy(text) !== undefined) n++;
      }
    }
    assert.ok(n > 20);
  });

  it('reads the seeds as from the whole header', () => {
    for (const name of ['000', '001', '003'] as const) {
      const text = seed(name);
      assert.equal(answeredBy(text), reference(text), name);
    }
  });
});
