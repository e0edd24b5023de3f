import { describe, expect, it } from 'vitest';
import { scanText, type RulesSettings } from '../src/index.js';
import { foundBy, TODAY, type Found } from './rule-findings.js';

const found = (text: string, rules?: RulesSettings, filePath?: string): Found[] => foundBy('no-health-data', text, filePath, rules);

describe('health data about a named or CPR-identified person (Danish)', () => {
  it.each<[string, string, Found[]]>([
    ['a full name and a cancer compound', 'Jens Hansen har brystkræft.', [[17, 27, 'error']]],
    ['an inflected compound first, a title after', 'Lungekræften hos hr. Jensen er fremskreden.', [[1, 13, 'error']]],
    ['a title and a psychiatric diagnosis, then a nursing home: the finding covers both', 'Hr. Andersen har skizofreni og flytter på plejehjem.', [[18, 52, 'error']]],
    ['borgeren and a name', 'Borgeren Lars Thomsen er i behandling for depression.', [[43, 53, 'error']]],
    ['an application naming the child', 'Ansøgning om støtte til Anne Madsen, der har diagnosen ADHD.', [[46, 60, 'error']]],
    ['rehabilitation after a blood clot', 'Mette Poulsen har fået bevilget tilskud til genoptræning efter en blodprop.', [[45, 75, 'error']]],
    ['incontinence', 'Peter Jensen lider af inkontinens.', [[23, 34, 'error']]],
    ['barnet and a first name', 'barnet Emil har autisme.', [[17, 24, 'error']]],
    ['a CPR number as the person', 'Klient 150385-2000, diagnose: demens.', [[21, 37, 'error']]],
    ['addiction to alcohol', 'Jens Hansen har et misbrug af alkohol.', [[20, 27, 'error']]],
    ['a short paragraph of two sentences', 'Jens Hansen, Vestergade 3. Diagnose: kræft.', [[28, 43, 'error']]],
    ['a possessive and a relative: a warning', 'Mettes søn har ADHD.', [[16, 20, 'warning']]],
  ])('%s', (_name, text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('a table row', () => {
    const table = '| Navn | Diagnose |\n| --- | --- |\n| Jens Hansen | Kræft |\n';
    const report = scanText(table, { filePath: 'a.md', today: TODAY });
    expect(report.findings.map((finding) => [finding.ruleId, finding.place.start.line, finding.place.start.column])).toEqual([
      ['no-health-data', 3, 17],
    ]);
  });

  it('an HTML table row', () => {
    const html = '<table><tr><td>Jens Hansen</td><td>Demens</td></tr><tr><td>Hjælp</td><td>Kræftrådgivning</td></tr></table>';
    expect(found(html, undefined, 'a.html')).toEqual([[36, 42, 'error']]);
  });
});

describe('health data about a named person (English)', () => {
  it.each<[string, string, Found[]]>([
    ['diagnosed with cancer', 'Mr Smith was diagnosed with cancer.', [[14, 35, 'error']]],
    ['dementia', 'John Smith has dementia.', [[16, 24, 'error']]],
    ['the patient and epilepsy', 'The patient Jensen suffers from epilepsy.', [[33, 41, 'error']]],
  ])('%s', (_name, text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('not health data about a person', () => {
  it.each([
    ['"kræfter" is strength', 'Han har store kræfter, siger Jens Hansen.'],
    ['"arbejdskræfterne" is the workforce', 'Arbejdskræfterne er få, siger Jens Hansen.'],
    ['an organisation: Kræftens Bekæmpelse', 'Kræftens Bekæmpelse og Jens Hansen holder møde.'],
    ['an organisation: Diabetesforeningen', 'Jens Hansen fra Diabetesforeningen fortalte.'],
    ['an organisation: Scleroseforeningen', 'Scleroseforeningen v/ Jens Hansen takker.'],
    ['an organisation in English', 'Jens Hansen spoke for the Cancer Society.'],
    ['staff named as a contact', 'Kontakt demenskoordinator Lise Holm om demens.'],
    ['a profession word', 'Overlæge Peter Nielsen har forsket i kræft.'],
    ['a profession after an adjective term', 'Spørg Anne Holm, der er psykiatrisk sygeplejerske.'],
    ['a service compound', 'Jens Hansen åbnede det nye genoptræningscenter.'],
    ['a page about a disease', 'Vi har et tilbud til borgere med blodprop.'],
    ['a page about a service', 'Kommunen tilbyder genoptræning efter blodprop og kræft.'],
    ['misuse of funds is no addiction', 'Jens Hansen er anklaget for misbrug af kommunens midler.'],
    ['a word holding a short term', 'Jens Hansen har en kolonihave og en god fangst.'],
    ['a staff predicate', 'Søren Jørgensen er ny leder af Demensteamet.'],
    ['a council member with a party letter', 'Jens Nielsen (C) spurgte til ventelisten til plejehjem.'],
    ['another party letter', 'Mette Larsen (A) stillede spørgsmål om ventetiden på genoptræning.'],
    ['a ward is a service', 'Jens Hansen kunne ikke støtte lukningen af demensafsnittet.'],
    ['an institution’s name, and its head', 'Efter mødet var der rundvisning på Plejehjemmet Egely ved forstander Thomas Jørgensen.'],
    ['a person and a term in different paragraphs', 'Jens Hansen kom.\n\nVi har et tilbud til borgere med kræft.'],
    ['a person and a term in different sentences of a long paragraph', `Jens Hansen kom til mødet i dag. ${'Der blev talt om budgettet for det kommende år. '.repeat(6)}Vi tilbyder rådgivning til borgere med kræft.`],
  ])('%s', (_name, text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('people in their roles: only a citizen’s health data is a finding', () => {
  it.each<[string, string, Found[]]>([
    ['a surname-first case list', 'Hansen, Jens – KOL', [[16, 19, 'error']]],
    ['a surname-first entry with a birth year', 'Damgaard-Lund, Else (f. 1944) – demens', [[33, 39, 'error']]],
    ['a citizen who lives on a street named after someone', 'Jens Hansen har KOL og bor på Carl Nielsens Allé.', [[17, 20, 'error']]],
    ['an aid granted to a citizen', 'Jens Hansen har fået bevilget en rollator.', [[34, 42, 'error']]],
    ['a title in brackets after borgeren', 'Borgeren (hr. Madsen) har diabetes.', [[27, 35, 'error']]],
    ['a title with a name the lists do not know', 'Ms Okafor was diagnosed with diabetes.', [[15, 38, 'error']]],
  ])('%s', (_name, text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    ['a speaker with a title, an organisation and a comma', '- Kræft rammer hver tredje, siger adm. direktør i Kræftens Bekæmpelse, Jesper Fisker.'],
    ['ifølge a head of department, "der er" and the title', 'Årsagen er ifølge Mette Keis Jepsen, der er afdelingschef i Sundhedsdatastyrelsen, at ældre har højere risiko for at få en kræftsygdom'],
    ['a group and a speaking consultant', 'Vi har tilbud til borgere med demens, fortæller demenskonsulent Erla Buhl.'],
    ['a group and a named helper', 'Mange ældre med KOL får hjælp af Jens Hansen.'],
    ['a nursing home named after someone', 'Beboerne på Anne Maries Plejecenter har demens.'],
    ['a council member asking about a group', 'Til stede: Jens Nielsen (A), Mette Lund (V)\n\nMette Lund spurgte til ventelisten for borgere med demens.'],
    ['an order confirmation holds no cancer', 'Jens Hansen har ordrebekræftelse nr. 2231.'],
    ['a doctor’s research', 'Dr Anna Berg har forsket i lungekræft.'],
    ['a new head of a dementia centre', 'Hanne Lund, der er ny leder af Demenscentret, har 20 års erfaring med demens.'],
    ['a group named after the term', 'Jens Hansen underviser psykiatriske patienter i kunst.'],
  ])('not: %s', (_name, text) => {
    expect(found(text)).toEqual([]);
  });

  it('a speaker introduced with a title keeps the role when named again paragraphs later', () => {
    const page = 'Det siger adm. direktør i Kræftens Bekæmpelse, Jesper Fisker.\n\nTallene stiger.\n\nJesper Fisker har selv arbejdet med kræft i 20 år.\n';
    expect(found(page)).toEqual([]);
    // Without the first paragraph, nothing says who he is.
    expect(foundBy('no-health-data', 'Jesper Fisker har selv arbejdet med kræft i 20 år.\n')).toEqual([[37, 42, 'error']]);
  });

  it('a citizen’s own letter: first person under a head that names the sender', () => {
    const letter = 'Jens Hansen\nSkovvej 3\n\nJeg har fået konstateret brystkræft og søger om tilskud.\n';
    const report = scanText(letter, { filePath: 'brev.md', today: TODAY });
    expect(report.findings.map((finding) => [finding.ruleId, finding.place.start.line, finding.place.start.column, finding.severity])).toEqual([
      ['no-health-data', 4, 26, 'error'],
    ]);
    // The same sentence on a page whose head names nobody is nobody's.
    expect(found('Om os\n\nJeg har fået konstateret brystkræft og søger om tilskud.\n')).toEqual([]);
  });

  it('a CSV export of a visitation list: a name and a diagnosis in each row', () => {
    const csv = 'Navn;Diagnose;Hjælpemiddel\nHansen, Jens;KOL;Iltapparat\nLund, Mette;Demens;Rollator\n';
    const report = scanText(csv, { filePath: 'liste.csv', today: TODAY });
    expect(report.findings.map((finding) => [finding.ruleId, finding.place.start.line, finding.place.start.column, finding.severity])).toEqual([
      ['no-health-data', 2, 14, 'error'],
      ['no-health-data', 3, 13, 'error'],
    ]);
  });
});

describe('words that point back at a citizen: pronouns, role nouns, numbered roles, a letter’s "du", a record’s fields', () => {
  const places = (text: string): [number, number, number, string][] =>
    scanText(text, { filePath: 'page.md', today: TODAY })
      .findings.filter((finding) => finding.ruleId === 'no-health-data')
      .map((finding) => [finding.place.start.line, finding.place.start.column, finding.place.end.column, finding.severity]);

  it.each<[string, string, [number, number, number, string][]]>([
    ['a numbered applicant the document names', 'Ansøger 3: Anne Holm\n\nAnsøger 3 har sklerose og søger om tilskud.\n', [[3, 15, 23, 'error']]],
    ['"Borgeren" after a case’s named citizen, past a named therapist', 'Borger: Kirsten Poulsen\nErgoterapeut Mads Svendsen har vurderet boligen.\nBorgeren har desuden diabetes.\n', [[3, 22, 30, 'error']]],
    ['"hun" right after a named citizen', 'Signe Brix har fået bevilget hjælp, og hun har brystkræft.\n', [[1, 48, 58, 'error']]],
    ['"din" in a letter to a named citizen', 'Kære Karina Nielsen\n\nVi har lagt vægt på, at din sclerose er stabil.\n', [[3, 29, 37, 'error']]],
    ['a form’s answer after its name field (a label, the value on the next line)', 'Navn:\nErik Sørensen\n\nCPR-nr.: 161241-1642\n\nAdresse: Skovvej 3\n\nHvad søger du om?\n\nRollator og badebænk\n', [[10, 1, 9, 'error']]],
  ])('%s', (_name, text, expected) => {
    expect(places(text)).toEqual(expected);
  });

  it.each([
    ['an anonymous numbered role', 'Klager A har sklerose.'],
    ['"Han" after a named doctor', 'siger overlæge Jens Holm. Han har forsket i brystkræft.'],
    ['"Borgeren" with no citizen named before', 'Borgeren har diabetes, siger sygeplejerske Mette Lund.'],
    ['"du" in a letter to nobody in particular', 'Kære borger\n\nHvis du har diabetes, kan du få hjælp.'],
    ['minutes that list an applicant and her CPR number are no form', 'Ansøger: Birgitte Nielsen, CPR-nr. 040728-3228\n\nKommunen tilbyder genoptræning efter blodprop og kræft.'],
  ])('not: %s', (_name, text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('records, lists laid out in columns, groups and members in the shapes documents take', () => {
  const places = (text: string, filePath: string): [number, number, number, string][] =>
    scanText(text, { filePath, today: TODAY })
      .findings.filter((finding) => finding.ruleId === 'no-health-data')
      .map((finding) => [finding.place.start.line, finding.place.start.column, finding.place.end.column, finding.severity]);

  it.each<[string, string, string, [number, number, number, string][]]>([
    ['a JSON object: the name in one value, the aid in another', 'sager.json', '{"sager":[{"klager":"Johannes Iversen","emne":"Afslag på høreapparat"},{"klager":"anonym","emne":"Afslag på høreapparat"}]}', [[1, 58, 69, 'error']]],
    ['a list laid out in columns: row number, surname first, a gap', 'liste.txt', 'Visitationsudvalget uge 38\n\n1  Bertelsen Ingrid  84 år  Rosenvænget 9  demens moderat\n', [[3, 44, 50, 'error']]],
    ['a case note whose fields are set apart by spaces (a PDF\'s text)', 'notat.txt', 'JOURNALNOTAT\nBorger          Hanne Mortensen\nCPR-nr          120344 0908\nAdresse         Kirkevænget 14\nBaggrund\nDer bevilges en rollator til indendørs brug\n', [[6, 17, 25, 'error']]],
    ['a deaf son is one person', 'side.md', 'Jens Hansen har en døv søn.\n', [[1, 20, 23, 'error']]],
    ['"hans blinde søn": a possessive before the plural form', 'side.md', 'Jens Hansen og hans blinde søn kom.\n', [[1, 21, 27, 'error']]],
    ['a citizens\' panel is no meeting\'s attendance list: its members are citizens', 'panel.yml', 'deltagere:\n  - navn: Bodil Jeppesen\n    note: har selv diabetes\n', [[3, 20, 28, 'error']]],
  ])('%s', (_name, filePath, text, expected) => {
    expect(places(text, filePath)).toEqual(expected);
  });

  it.each<[string, string, string]>([
    ['a member for an association, and a group in the plural', 'referat.md', 'Inge Lauridsen (Høreforeningen) bad om tolkning for døve og hørehæmmede.\n'],
    ['a job title in a record\'s next key', 'kontakt.tsx', "const k = [{ navn: 'Lene Søndergaard', titel: 'Demenskoordinator', emner: ['demens'] }];\n"],
    ['a case note\'s header before the name field', 'notat.txt', 'Myndighed Ældre og Handicap\nBorger          Hanne Mortensen\nCPR-nr          120344 0908\nAdresse         Kirkevænget 14\n'],
  ])('not: %s', (_name, filePath, text) => {
    expect(places(text, filePath)).toEqual([]);
  });
});

describe('review findings: quotes, headings, unnamed officials, search indexes, signatures, job columns', () => {
  it.each<[string, string, string]>([
    ['a quote verb after a name: "mener"', 'side.md', 'Ventetiden på kræftbehandling er for lang, mener Jens Hansen.\n'],
    ['a speaker from an organisation: "X fra Danske Patienter siger"', 'side.md', 'Jens Hansen fra Danske Patienter siger, at kræftbehandling tager tid.\n'],
    ['a speaker with the organisation between commas', 'side.md', 'Jens Hansen, Region Midtjylland, vurderer, at kræftbehandling tager tid.\n'],
    ['"Borgeren" after a heading starts a new matter', 'referat.md', '## Punkt 3. Dispensation – Jens Hansen, Vestergade 4\n\nSagen drøftes.\n\n## Punkt 4. Kvalitetsstandard\n\nHar borgeren demens, inddrages de pårørende.\n'],
    ['"hun" after an unnamed official', 'side.md', 'Anne Holm og hendes mand har boet i Tarm i 40 år.\n\nKommunens demenskoordinator fortæller, at hun ofte møder pårørende, der er bekymrede for demens.\n'],
    ['an author in a search index', 'index.json', '[{"title":"Genoptræning efter hofteoperation","body":"Du kan få genoptræning","author":"Jens Hansen"}]'],
    ['a contact in a search index', 'index.json', '[{"title":"Demens","kontakt":"Jens Hansen"}]'],
    ['a staff member\'s signature is no letter head', 'info.md', 'Jens Hansen\nSocialrådgiver\nVejle Kommune\n\nInformation om genoptræning\n\nDu kan få genoptræning efter en hofteoperation.\n'],
  ])('not: %s', (_name, filePath, text) => {
    expect(foundBy('no-health-data', text, filePath)).toEqual([]);
  });

  it.each<[string, string, string, [number, number, number, string][]]>([
    ['an attendance list ends at a heading', 'referat.md', 'Til stede:\n\n- Karen Jensen (A)\n\n## Punkt 4. Ansøgning\n\nJens Hansen har søgt om rollator på grund af KOL.\n', [[7, 25, 49, 'error']]],
    ['a job column makes the person in the name column staff, not another in the row', 'tabel.md', '| Navn | Stilling | Bemærkning |\n| --- | --- | --- |\n| Lene Holm | Sygeplejerske | Besøgte Jens Hansen, der har KOL |\n', [[3, 60, 63, 'error']]],
    ['a nested object belongs to its record', 'sager.json', '[{"sagsnr":"24-117","diagnose":"KOL","borger":{"navn":"Jens Hansen"}}]', [[1, 22, 36, 'error']]],
  ])('%s', (_name, filePath, text, expected) => {
    const report = scanText(text, { filePath, today: TODAY });
    expect(report.findings.filter((finding) => finding.ruleId === 'no-health-data').map((finding) => [finding.place.start.line, finding.place.start.column, finding.place.end.column, finding.severity])).toEqual(expected);
  });
});

describe('options', () => {
  it('mode "any" reports every health term', () => {
    expect(found('Vi har et tilbud til borgere med blodprop.', { 'no-health-data': ['error', { mode: 'any' }] })).toEqual([[34, 42, 'error']]);
  });

  it('remove leaves a term out', () => {
    expect(found('Jens Hansen har stress.')).toEqual([[17, 23, 'error']]);
    expect(found('Jens Hansen har stress.', { 'no-health-data': ['error', { remove: ['stress'] }] })).toEqual([]);
  });

  it('add puts a term in', () => {
    expect(found('Jens Hansen har tinnitus.')).toEqual([]);
    const report = scanText('Jens Hansen har tinnitus.', { filePath: 'a.md', today: TODAY, rules: { 'no-health-data': ['error', { add: ['tinnitus', { term: 'høretab', match: 'any' }] }] } });
    expect(report.findings.map((finding) => finding.message)).toEqual([
      'Health data (custom) about an identifiable person: anonymise the person or remove the health information',
    ]);
  });

  it('"warn" makes every finding a warning, "off" turns the rule off', () => {
    expect(found('Jens Hansen har kræft.', { 'no-health-data': 'warn' })).toEqual([[17, 22, 'warning']]);
    expect(found('Jens Hansen har kræft.', { 'no-health-data': 'off' })).toEqual([]);
  });

  it.each<[string, RulesSettings, string]>([
    ['an unknown option', { 'no-health-data': ['error', { mood: 'any' }] }, 'no-health-data: unknown option "mood" (known: mode, add, remove)'],
    ['a bad mode', { 'no-health-data': ['error', { mode: 'all' }] }, 'no-health-data: option "mode" must be "identified" or "any"'],
    ['removing an unknown term', { 'no-health-data': ['error', { remove: ['tinnitus'] }] }, 'no-health-data: option "remove" names terms the lexicon does not have (entry 1)'],
    ['a bad added term', { 'no-health-data': ['error', { add: [{ term: '' }] }] }, 'no-health-data: option "add" takes words or { "term": "…" } (entry 1 is neither)'],
    ['a bad level', { 'no-health-data': 'loud' as 'warn' }, 'no-health-data: a rule is set to "off", "warn" or "error", or ["error", options]'],
    ['an unknown rule', { 'no-such-rule': 'error' } as RulesSettings, 'Unknown rule "no-such-rule" (known: no-cpr-number, no-health-data, no-named-complaint)'],
  ])('rejects %s', (_name, rules, message) => {
    // The whole message: nothing of the value given may follow it.
    expect(() => scanText('x', { rules })).toThrow(new RegExp(`^${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  });
});

describe('messages name the category, never the person', () => {
  it('says what kind of health data and how to fix it', () => {
    const [finding] = scanText('Jens Hansen lider af Parkinsons sygdom og har behov for hjælpemidler.', { filePath: 'a.md', today: TODAY }).findings;
    expect(finding?.message).toBe(
      'Health data (neurological condition, illness, aids and care) about an identifiable person: anonymise the person or remove the health information',
    );
    expect(finding?.message).not.toMatch(/Jens|Hansen/);
  });
});
