/** Hand-made documents of one question set, in the forms the Tweede Kamer publishes them. */

export interface Asked {
  readonly who?: string;
  readonly subject?: string;
  /** Dutch date: "29 januari 2024". */
  readonly submitted?: string;
}

const DEFAULT_WHO = 'het lid Van der Lee (GroenLinks-PvdA)';
const DEFAULT_SUBJECT = 'de terugkeer van de wolf op de Veluwe';

/** The questions as submitted: header and questions, no answers. */
export function questionsText(a: Asked = {}, extra = ''): string {
  return `Vragen van ${a.who ?? DEFAULT_WHO} aan de Minister van Landbouw, Visserij, Voedselzekerheid en Natuur over ${a.subject ?? DEFAULT_SUBJECT} (ingezonden ${a.submitted ?? '29 januari 2024'}).
${extra}
Vraag 1
Bent u bekend met het bericht dat de wolf op de Veluwe schapen heeft gedood?

Vraag 2
Welke maatregelen neemt u om schapenhouders te beschermen?

Vraag 3
Hoeveel wolven leven er nu in Nederland?
`;
}

/** The answer: header with "(ontvangen …)" and the questions with their answers. */
export function answerText(a: Asked & { readonly received?: string; readonly minister?: string } = {}, extra = ''): string {
  return `Vragen van ${a.who ?? DEFAULT_WHO} aan de Minister van Landbouw, Visserij, Voedselzekerheid en Natuur over ${a.subject ?? DEFAULT_SUBJECT} (ingezonden ${a.submitted ?? '29 januari 2024'}).

Antwoord van ${a.minister ?? 'Minister Wiersma (Landbouw, Visserij, Voedselzekerheid en Natuur)'} (ontvangen ${a.received ?? '16 februari 2024'}).
${extra}
Vraag 1
Bent u bekend met het bericht dat de wolf op de Veluwe schapen heeft gedood?

Antwoord 1
Ja.

Vraag 2
Welke maatregelen neemt u om schapenhouders te beschermen?

Antwoord 2
Schapenhouders krijgen subsidie voor wolfwerende rasters.

Vraag 3
Hoeveel wolven leven er nu in Nederland?

Antwoord 3
Volgens BIJ12 zijn het er ongeveer honderd.
`;
}

/** A postponement notice as the Aanhangsel prints it. */
export function noticeText(a: Asked & { readonly sent?: string; readonly zaak?: string } = {}): string {
  const numbers = a.zaak ? ` (${a.zaak})` : '';
  return `Mededeling van Minister Wiersma (Landbouw, Visserij, Voedselzekerheid en Natuur) (ontvangen ${a.sent ?? '15 februari 2024'})

De vragen van ${a.who ?? DEFAULT_WHO} over ${a.subject ?? DEFAULT_SUBJECT}${numbers} kunnen niet binnen de gebruikelijke termijn van drie weken worden beantwoord, omdat interdepartementale afstemming nodig is. Ik streef ernaar de vragen zo spoedig mogelijk te beantwoorden.
`;
}

/** A page copied from the Tweede Kamer site: metadata lines, then the document. */
export function webPage(body: string, m: { readonly documentNumber: string; readonly zaak: string; readonly id?: string; readonly date?: string }): string {
  return `[overzicht] [activiteiten] [kamerleden] [open vragen]

Antwoord schriftelijke vragen

Nummer: ${m.documentNumber}, datum: ${m.date ?? '2024-02-16'}, bijgewerkt: 2024-02-19 10:56, versie: 3

Directe link naar document (.pdf), link naar pagina op de Tweede Kamer site, officiële HTML versie (${m.id ?? 'ah-tk-20232024-1092'}).

Onderdeel van zaak ${m.zaak}:

Preview document

${body}`;
}
