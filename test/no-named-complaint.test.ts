import { describe, expect, it } from 'vitest';
import { scanText } from '../src/index.js';
import { foundBy, TODAY, type Found } from './rule-findings.js';

const found = (text: string, filePath?: string): Found[] => foundBy('no-named-complaint', text, filePath);

describe('complaints that name the complainant', () => {
  it.each<[string, string, Found[]]>([
    ['klage fra', 'Klage fra Jens Hansen over hjemmeplejen', [[1, 6, 'error']]],
    ['the complainant complains', 'Jens Hansen klager over, at kommunen har afslået ansøgningen.', [[13, 19, 'error']]],
    ['Klager: name, address', 'Klager: Jens Hansen, Vestergade 3', [[1, 7, 'error']]],
    ['klagesag vedrørende', 'Afgørelse i klagesag vedrørende Jens Hansen', [[13, 21, 'error']]],
    ['a title who has filed a complaint', 'Hr. Jensen har indgivet en klage.', [[28, 33, 'error']]],
    ['klagen fra … videresendt', 'Klagen fra Jens Hansen er videresendt til Ankestyrelsen.', [[1, 7, 'error']]],
    ['an appeal with a dash', 'Anke af afgørelse – Jens Hansen', [[1, 5, 'error']]],
    ['har klaget', 'Lise Madsen har klaget over sagsbehandlingstiden.', [[17, 23, 'error']]],
    ['a possessive', 'Jens Hansens klage over hjemmeplejen er modtaget.', [[14, 19, 'error']]],
    ['the role Klager before a name', 'Klager Jens Hansen mener, at afgørelsen er forkert.', [[1, 7, 'error']]],
    ['klagen fra borgeren and a surname', 'Klagen fra borgeren Jensen er modtaget.', [[1, 7, 'error']]],
    ['a complaint by a CPR-identified person', 'Klage fra 150385-2000 om hjemmeplejen', [[1, 6, 'error']]],
    ['complaint from', 'Complaint from John Smith about home care', [[1, 10, 'error']]],
    ['has filed a complaint', 'Mrs Smith has filed a complaint.', [[23, 32, 'error']]],
    ['appealed', 'John Smith appealed the decision.', [[12, 20, 'error']]],
    ['a named person and a complaint, no relation: a warning', 'Jens Hansen og kommunen drøftede klagen i går.', [[34, 40, 'warning']]],
    ['Klageren and a name', 'Klageren Jens Hansen mener, at afgørelsen er forkert.', [[1, 9, 'error']]],
    ['Klageren, name,', 'Klageren, Jens Hansen, har fået medhold.', [[1, 9, 'error']]],
    ['Klager (name, cpr)', 'Klager (Anne Thomsen, cpr 110977-2954) er orienteret.', [[1, 7, 'error']]],
    ['fra after a few words', 'Klage over hjemmeplejens vurdering fra Jens Hansen.', [[1, 6, 'error']]],
  ])('%s', (_name, text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('in HTML build output', () => {
    expect(found('<ul><li>Klage fra <b>Jens Hansen</b> over hjemmeplejen</li></ul>', 'a.html')).toEqual([[9, 14, 'error']]);
  });
});

describe('not named complaints', () => {
  it.each([
    ['how to complain', 'Sådan klager du over en afgørelse fra kommunen.'],
    ['a count of complaints', 'Kommunen modtog 71 klager over hjemmeplejen i 2025.'],
    ['where complaints go', 'Klager skal sendes til Ankestyrelsen inden fire uger.'],
    ['an anonymised complaint', 'Klage over hjemmeplejens vurdering (borgerens navn er anonymiseret)'],
    ['borgeren without a name', 'Klage fra borgeren over hjemmeplejen.'],
    ['klager A', 'Klager A har fået medhold.'],
    ['staff who handle complaints', 'Kontakt klagekoordinator Lise Holm, hvis du vil klage.'],
    ['a board member receiving criticism', 'Borgmester Jens Hansen modtog kritik og klager fra borgerne.'],
    ['the appeals board', 'Ankestyrelsen har behandlet 40 klager.'],
    ['a leader of the complaints unit', 'Jens Hansen er ny leder af klageenheden.'],
    ['a complaints unit', 'Klageenheden v/ Jens Hansen, tlf. 33 98 00 98'],
    ['English: how to complain', 'How to make a complaint about our services.'],
    ['a council member asking about complaints', 'Niels Andersen (C) spurgte til behandlingen af klager over hjemmeplejen.'],
    ['someone speaking for an authority', 'Mette Jensen fra Ankestyrelsen forklarede, hvordan klager behandles.'],
    ['an addressee, att.', 'Klager skal sendes til Borgerservice, att. Lise Holm.'],
  ])('%s', (_name, text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('complaints in their own words', () => {
  it.each<[string, string, Found[]]>([
    ['er utilfreds med, with the name in brackets', 'Borgeren (hr. Madsen) er utilfreds med hjemmeplejen.', [[26, 35, 'error']]],
    ['henvendelse fra borger', 'Henvendelse fra borger Jensen vedr. madordningen.', [[1, 12, 'error']]],
    ['har beklaget sig over', 'Mette Lund har beklaget sig over ventetiden.', [[16, 28, 'error']]],
    ['klaget skriftligt og telefonisk', 'Jens Hansen har klaget skriftligt og telefonisk over visitationen.', [[17, 23, 'error']]],
    ['hendes klage, the name in the sentence before', 'Borgeren Jens Hansen har sendt en mail. Hendes klage handler om rengøring.', [[48, 53, 'error']]],
    ['a date and adverbs between the name and the verb', 'Hr. Madsen har i brev af 12. maj påklaget afgørelsen.', [[34, 42, 'error']]],
    ['a title with a name the lists do not know', 'Ms Okafor has lodged a complaint about the service.', [[24, 33, 'error']]],
    ['utilfredshed fra', 'Der er stor utilfredshed med hjemmeplejen fra Jens Hansen.', [[13, 25, 'error']]],
    ['a possessive utilfredshed', 'Jens Hansens utilfredshed med hjemmeplejen er noteret.', [[14, 26, 'error']]],
    ['a complaint in another clause: a warning', 'Jens Hansen bor på plejecentret, hvor flere har klaget over maden.', [[49, 55, 'warning']]],
  ])('%s', (_name, text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    ['a group is dissatisfied, a named speaker', 'Flere borgere er utilfredse med hjemmeplejen, siger Jens Holm.'],
    ['a council member asks about dissatisfaction', 'Mette Lund (A) spurgte, om borgerne var utilfredse med ventetiden.'],
    ['a middle name that holds "anke"', 'Deltagere: Jørgen Anker Simonsen, Gurli Nielsen'],
    ['a capitalised name that is also a word, inside a sentence', 'Jens Hansen talte med Anker om haven.'],
    ['a phone number is no complaint', 'Mette Hansen, tlf. 12345678, tager imod henvendelser.'],
    ['an enquiry without a sender', 'Jens Hansen besvarer henvendelser om madordningen.'],
  ])('not: %s', (_name, text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('the complainant named by a label: table columns, keys, a letter’s head', () => {
  const places = (text: string, filePath: string): [number, number, string][] =>
    scanText(text, { filePath, today: TODAY })
      .findings.filter((finding) => finding.ruleId === 'no-named-complaint')
      .map((finding) => [finding.place.start.line, finding.place.start.column, finding.severity]);

  it.each<[string, string, string, [number, number, string][]]>([
    ['a Markdown table with a Klager column', 'klager.md', '| Dato | Klager | Emne |\n| --- | --- | --- |\n| 3. maj | Jens Hansen | Rengøring |\n', [[3, 12, 'error']]],
    ['an HTML table with a Klager column', 'klager.html', '<table><thead><tr><th>Dato</th><th>Klager</th></tr></thead><tbody><tr><td>3. maj</td><td>Jens Hansen</td></tr></tbody></table>', [[1, 90, 'error']]],
    ['a CSV export, a name the lists do not know', 'klager.csv', 'Dato;Klager;Emne\n03-05-2025;Jens Hansen;Rengøring\n04-05-2025;Okafor, Grace;Madordning\n', [[2, 12, 'error'], [3, 12, 'error']]],
    ['a Navn column in a table about complaints', 'sager.md', '| Navn | Klagens emne |\n| --- | --- |\n| Jens Hansen | Rengøring |\n', [[3, 3, 'error']]],
    ['front matter', 'sag.md', '---\nklager: Jens Hansen\n---\n\nSagen er afgjort.\n', [[2, 1, 'error']]],
    ['a JSON key', 'sag.json', '{"klager": "Jens Hansen", "emne": "hjemmepleje"}', [[1, 3, 'error']]],
    ['an English JSON key', 'case.json', '{"complainant": "Grace Okafor"}', [[1, 3, 'error']]],
    ['a citizen’s own letter under a head that names them', 'brev.md', 'Jens Hansen\nSkovvej 3\n8000 Aarhus\n\nJeg klager over, at hjemmehjælpen ikke kommer.\n', [[5, 5, 'error']]],
    ['a modal and the infinitive in a citizen’s letter', 'brev.md', 'Jens Hansen\nSkovvej 3\n\nJeg vil gerne klage over, at min søn ikke får aflastning.\n', [[4, 15, 'error']]],
    ['"din klage" in a letter to a named citizen', 'brev.md', 'Kære Karina Nielsen\n\nVi har modtaget din klage over afgørelsen.\n', [[3, 21, 'error']]],
    ['the citizen’s own words after their name and a colon', 'index.json', '{"content": "Bent Rasmussen, Søndergade 41: Jeg klager hermed over hjemmeplejen."}', [[1, 49, 'error']]],
    ['a table under a heading about complaints', 'diaet.md', '## Borgere, der har klaget over diætkost\n\n| Borger | Kost |\n| --- | --- |\n| Dorthe Kristiansen | Glutenfri |\n| Kurt Eriksen | Proteinreduceret |\n', [[5, 3, 'error'], [6, 3, 'error']]],
    ['a YAML record whose key names the applicant, its subject a complaint', 'sager.yml', 'sager:\n  - sagsnr: 24/07003\n    ansoeger: Lone Gregersen\n    emne: Klage over afslag\n', [[3, 15, 'error']]],
    ['a relative of a named citizen expresses dissatisfaction', 'sag.md', 'Fru Holms datter har udtrykt stærk utilfredshed med sagsbehandlingen.\n', [[1, 36, 'error']]],
  ])('%s', (_name, filePath, text, expected) => {
    expect(places(text, filePath)).toEqual(expected);
  });

  it.each<[string, string, string]>([
    ['a table with a Navn column about something else', 'hold.md', '| Navn | Hold |\n| --- | --- |\n| Jens Hansen | Svømning |\n'],
    ['a table of complaint statistics', 'tal.md', '| Område | Klager |\n| --- | --- |\n| Hjemmepleje | 12 |\n'],
    ['an anonymised complainant', 'anonym.md', '| Dato | Klager |\n| --- | --- |\n| 3. maj | Borger A |\n'],
    ['first person on a page with no sender', 'side.md', 'Om klager\n\nJeg klager over, at hjemmehjælpen ikke kommer, skriver mange.\n'],
  ])('not: %s', (_name, filePath, text) => {
    expect(places(text, filePath)).toEqual([]);
  });
});

describe('complaints across a relative clause, and what is not one', () => {
  it.each<[string, string, Found[]]>([
    ['a relative clause between the complainant and the verb', '4. **Frede Kristiansen**, der selv boede på Bøgely i et halvt år, klager over den korte høringsfrist.', [[67, 73, 'error']]],
  ])('%s', (_name, text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    ['guidance to the reader of a letter: "Hvis du er utilfreds, kan du klage"', 'Jens Hansen\n\nHvis du er utilfreds, kan du klage. Send din klage til os.'],
    ['a role noun with a place introduces someone new', 'Jens Hansen kom.\n\nKlagen fra borgeren i Strandparken er besvaret.'],
    ['a staff table under a complaints caption', '<table><caption>Klageenheden</caption><tr><th>Navn</th><th>Funktion</th></tr><tr><td>Louise Kristensen</td><td>Klagekoordinator</td></tr></table>'],
  ])('not: %s', (_name, text) => {
    expect(found(text, text.startsWith('<') ? 'a.html' : 'a.md')).toEqual([]);
  });
});

describe('review findings: nouns that look like verbs, an enquiry, a JSON record', () => {
  it.each([
    ['"behandler klager": the noun', 'Jens Hansen behandler klager over hjemmeplejen.', [[23, 29, 'warning']]],
    ['"312 klager": a number before the noun', 'Jens Hansen modtog som borgerrådgiver 312 klager i 2024.', [[43, 49, 'warning']]],
    ['"klager også": the verb after an adverb', 'Jens Hansen klager også over maden.', [[13, 19, 'error']]],
    ['an enquiry only with its sender', 'Henvendelse vedrørende Jens Hansen', []],
    ['a row laid out in columns', '6  Frederiksen Poul  81 år  klager over afslag på nødkald', [[29, 35, 'error']]],
  ] as [string, string, Found[]][])('%s', (_name, text, expected) => {
    expect(found(text, text.startsWith('6') ? 'liste.txt' : 'a.md')).toEqual(expected);
  });

  it('a JSON record about a complaint names the person under its name key, nested or not', () => {
    expect(found('{"borger":{"navn":"Jens Hansen"},"emne":"Klage over hjemmeplejen"}', 'a.json')).toEqual([[20, 31, 'error']]);
    expect(found('[{"navn":"Jens Hansen","emne":"Ventetid"},{"navn":"Ole Bak","emne":"Klage over maden"}]', 'a.json')).toEqual([[52, 59, 'error']]);
  });

  it('says why when a complaints table names the complainant', () => {
    const [finding] = scanText('| Dato | Klager |\n| --- | --- |\n| 3. maj | Jens Hansen |\n', { filePath: 'a.md', today: TODAY }).findings;
    expect(finding?.reasons).toEqual(['a complaints table names the complainant']);
  });
});

describe('messages', () => {
  it('say how to fix, and never name the person', () => {
    const [finding] = scanText('Klage fra Jens Hansen over hjemmeplejen', { filePath: 'a.md', today: TODAY }).findings;
    expect(finding?.message).toBe('Complaint that names the complainant: anonymise them (for example "klager A") or remove the name');
    expect(finding?.reasons).toEqual(['complaint term (klage)', 'the complainant is named']);
  });
});
