import * as assert from 'node:assert/strict';
import { extractPostponement, normaliseAskers, splitAskers } from '../../../src/core/corpus/postponement';
import { fixture } from '../helpers';

describe('corpus: postponement notices', () => {
  it('the Aanhangsel form: "Mededeling van … (ontvangen …)", the questions with their zaak number', () => {
    assert.deepEqual(extractPostponement(fixture('postponement.txt')), {
      title: 'Vragen van het lid Sjoerdsma (D66) over de situatie in Oekraïne',
      subject: 'de situatie in Oekraïne',
      askedBy: ['Sjoerdsma'],
      parties: ['D66'],
      zaakNumbers: ['2022Z02184'],
      documentNumbers: [],
      noticeDate: '2022-02-14',
      from: 'Minister Hoekstra (Buitenlandse Zaken)',
    });
  });

  it('a letter: "Datum", several askers of one party, addressee, submission date and kenmerk', () => {
    const text = `Aan de Voorzitter van de Tweede Kamer der Staten-Generaal

Datum 20 september 2024
Betreft Uitstel beantwoording Kamervragen

Hierbij deel ik u mede dat de schriftelijke vragen van de leden Kostić en Teunissen (beiden PvdD) aan de minister van Landbouw, Visserij, Voedselzekerheid en Natuur over de wolf in Gelderland, ingezonden op 5 september 2024 met kenmerk 2024Z13188, niet binnen de gebruikelijke termijn kunnen worden beantwoord. Voor de beantwoording is afstemming nodig.
`;
    assert.deepEqual(extractPostponement(text), {
      title: 'Vragen van de leden Kostić en Teunissen (beiden PvdD) over de wolf in Gelderland',
      subject: 'de wolf in Gelderland',
      askedBy: ['Kostić', 'Teunissen'],
      parties: ['PvdD'],
      submitted: '2024-09-05',
      zaakNumbers: ['2024Z13188'],
      documentNumbers: [],
      noticeDate: '2024-09-20',
    });
  });

  it('askers of different parties, the submission date in parentheses, a copied page\'s date', () => {
    const text = `[overzicht] [open vragen]

Uitstelbericht

Nummer: 2024D27196, datum: 2024-06-26, bijgewerkt: 2024-06-26 10:00, versie: 1

De vragen van de leden Van der Plas (BBB) en Omtzigt (NSC) over de hersteloperatie toeslagen (ingezonden 3 juni 2024, 2024D23001) kunnen niet binnen de gebruikelijke termijn worden beantwoord.
`;
    const p = extractPostponement(text);
    assert.deepEqual(p.askedBy, ['Van der Plas', 'Omtzigt']);
    assert.deepEqual(p.parties, ['BBB', 'NSC']);
    assert.equal(p.subject, 'de hersteloperatie toeslagen');
    assert.equal(p.submitted, '2024-06-03');
    assert.deepEqual(p.documentNumbers, ['2024D23001']);
    assert.equal(p.noticeDate, '2024-06-26');
  });

  it('a notice that does not name the questions gives what it has', () => {
    const p = extractPostponement('Mededeling van Minister Hoekstra (Buitenlandse Zaken) (ontvangen 14 februari 2022)\n\nDe beantwoording duurt langer.');
    assert.deepEqual(p, { askedBy: [], parties: [], zaakNumbers: [], documentNumbers: [], noticeDate: '2022-02-14', from: 'Minister Hoekstra (Buitenlandse Zaken)' });
  });

  it('askers and parties in their written forms', () => {
    assert.deepEqual(splitAskers('Eerdmans (JA21)'), { askedBy: ['Eerdmans'], parties: ['JA21'] });
    assert.deepEqual(splitAskers('Van der Plas (BBB) en Omtzigt (NSC)'), { askedBy: ['Van der Plas', 'Omtzigt'], parties: ['BBB', 'NSC'] });
    assert.deepEqual(splitAskers('Kostić, Vestering en Teunissen (allen PvdD)'), { askedBy: ['Kostić', 'Vestering', 'Teunissen'], parties: ['PvdD'] });
    assert.deepEqual(splitAskers('Jansen'), { askedBy: ['Jansen'], parties: [] });
    // The parser's reading of "de leden Kostić en Teunissen (beiden PvdD)".
    assert.deepEqual(normaliseAskers(['Kostić en Teunissen'], ['beiden PvdD']), { askedBy: ['Kostić', 'Teunissen'], parties: ['PvdD'] });
    assert.deepEqual(normaliseAskers(['Van der Plas', 'Omtzigt'], ['BBB', 'NSC']), { askedBy: ['Van der Plas', 'Omtzigt'], parties: ['BBB', 'NSC'] });
  });
});
