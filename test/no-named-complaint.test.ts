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

describe('messages', () => {
  it('say how to fix, and never name the person', () => {
    const [finding] = scanText('Klage fra Jens Hansen over hjemmeplejen', { filePath: 'a.md', today: TODAY }).findings;
    expect(finding?.message).toBe('Complaint that names the complainant: anonymise them (for example "klager A") or remove the name');
    expect(finding?.reasons).toEqual(['complaint term (klage)', 'the complainant is named']);
  });
});
