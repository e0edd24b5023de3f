import { describe, expect, it } from 'vitest';
import { mightBindAlias, personReferences } from '../rules/person-reference.js';
import { scopes, sentences } from '../rules/scopes.js';
import type { Segment } from '../src/core/segment.js';

const context = { today: new Date(2026, 10, 22) };

/** The references in a text as "matched text[kind]" or "…[kind, role]" for anyone not a citizen. */
function found(input: string | { text: string; block: boolean }): string[] {
  const { text, block } = typeof input === 'string' ? { text: input, block: true } : input;
  return personReferences({ kind: 'text', text, offset: 0, block }, context).map(
    (reference) => `${text.slice(reference.from, reference.to)}[${reference.kind}${reference.role === 'citizen' ? '' : `, ${reference.role}`}]`,
  );
}

describe('full names from Danmarks Statistik’s lists', () => {
  it.each([
    ['first name and surname', 'Møde med Jens Hansen i dag', ['Jens Hansen[name]']],
    ['middle name', 'Afgørelse vedrørende Niels Holm Nielsen', ['Niels Holm Nielsen[name]']],
    ['two middle names', 'Anne Marie Holm Nielsen kom', ['Anne Marie Holm Nielsen[name]']],
    ['hyphenated first name and surname', 'Anne-Marie Holm-Nielsen kom', ['Anne-Marie Holm-Nielsen[name]']],
    ['non-Danish names common in Denmark', 'Mohammed Ali Hussein kom', ['Mohammed Ali Hussein[name]']],
    ['the possessive of a surname and a relative: the relative', 'Jens Hansens datter', ['Jens Hansens datter[name]']],
    ['a first name’s possessive and a relative', 'Mettes søn har det godt', ['Mettes søn[possessive]']],
    ['a name across a no-break space', 'Jens\u00a0Hansen kom', ['Jens\u00a0Hansen[name]']],
  ])('%s', (_name, text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('words that are only words', () => {
  it.each([
    ['a surname-like word at a sentence start', 'Skov og natur er vigtige.'],
    ['a single first name', 'Bo i kommunen, hvis du kan.'],
    ['a single surname', 'Holm er en lille by.'],
    ['Møller alone', 'Møller ligger ved åen.'],
    ['an organisation', 'Kræftens Bekæmpelse hjælper.'],
    ['a place and a municipality', 'Københavns Kommune og Region Hovedstaden'],
    ['a name split by a line break', 'Jens\nHansen'],
    ['lower case', 'jens hansen'],
    ['a sentence-start pronoun before a surname', 'Den Hansen-sag'],
    ['a role without a name', 'borgeren, klager A og barnet'],
  ])('%s', (_name, text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('titles, roles and CPR numbers point at a person', () => {
  it.each([
    ['hr.', 'hr. Jensen kom', ['hr. Jensen[title]']],
    ['Fru', 'Fru Holm kom', ['Fru Holm[title]']],
    ['Mr', 'Mr Smith came', ['Mr Smith[title]']],
    ['borgeren and a surname', 'borgeren Jensen kom', ['borgeren Jensen[role]']],
    ['barnet and a first name', 'barnet Emil kom', ['barnet Emil[role]']],
    ['ansøger and a full name', 'ansøger Jens Hansen', ['ansøger Jens[role]', 'Jens Hansen[name]']],
    ['the applicant', 'the applicant Smith', ['the applicant Smith[role]']],
    ['a CPR number', 'CPR 150385-2000 kom', ['150385-2000[cpr]']],
    ['a substitute number', 'Nr 6101900000 kom', ['6101900000[cpr]']],
  ])('%s', (_name, text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('staff, contacts and officials are marked', () => {
  it.each([
    ['a job title before', 'klagekoordinator Lise Holm svarer', ['Lise Holm[name, staff]']],
    ['a compound job title', 'Afdelingsleder Pia Bitten Larsen', ['Pia Bitten Larsen[name, staff]']],
    ['a job title after', 'Lise Holm, sagsbehandler, svarer', ['Lise Holm[name, staff]']],
    ['"kontakt"', 'Kontakt Mette Hansen for hjælp', ['Mette Hansen[name, staff]']],
    ['contact details after', 'Mette Hansen, tlf. 12345678', ['Mette Hansen[name, staff]']],
    ['an e-mail after', 'Mette Hansen (mh@kommune.dk)', ['Mette Hansen[name, staff]']],
    ['a staff predicate', 'Søren Jørgensen er ny leder af Teknik og Miljø.', ['Søren Jørgensen[name, staff]']],
    ['a board member', 'Udvalgsformand Jens Hansen fik kritik', ['Jens Hansen[name, staff]']],
    ['a citizen is not staff', 'Jens Hansen behandler sin have', ['Jens Hansen[name]']],
  ])('%s', (_name, text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('roles: staff and officials, by a title in any of the forms Danish writes it', () => {
  it.each([
    ['a title before', 'overlæge Jens Holm svarer', ['Jens Holm[name, staff]']],
    ['a title after a comma', 'Jens Holm, overlæge, svarer', ['Jens Holm[name, staff]']],
    ['a title and its organisation before', 'siger afdelingschef i Sundhedsdatastyrelsen Mette Keis Jepsen', ['Mette Keis Jepsen[name, staff]']],
    ['an abbreviated title, an organisation and a comma', 'siger adm. direktør i Kræftens Bekæmpelse, Jesper Fisker.', ['Jesper Fisker[name, staff]']],
    ['"der er" and a compound title', 'siger Erla Buhl, der er demenskonsulent i Randers Kommune.', ['Erla Buhl[name, staff]']],
    ['leder af an institution', 'leder af Sundhedshuset, Karen Dahl, fortæller', ['Karen Dahl[name, staff]']],
    ['rådmand for a portfolio of two words', 'rådmand for Sundhed og Omsorg, Anders Winther', ['Anders Winther[name, staff]']],
    ['a predicate: er ny …', 'Søren Bach er ny afdelingsleder på Plejecenter Solgården.', ['Søren Bach[name, staff]']],
    ['a hyphenated title before', 'PPR-psykolog Hanne Kjær deltog', ['Hanne Kjær[name, staff]']],
    ['a hyphenated title after', 'Kim Thomsen (SSP-konsulent)', ['Kim Thomsen[name, staff]']],
    ['English: Dr', 'Dr Anna Berg explained', ['Anna Berg[name, staff]']],
    ['English: Professor', 'Professor Lars Bo Jensen', ['Lars Bo Jensen[name, staff]']],
    ['English: head of', 'said Maria Holm, head of the unit', ['Maria Holm[name, staff]']],
    ['a title in the definite form', 'Overlægen Jens Holm kom', ['Jens Holm[name, staff]']],
    ['a researcher', 'Line Mortensen, forsker ved Aarhus Universitet, mener', ['Line Mortensen[name, staff]']],
    ['an office after a title: fru … , sygeplejerske', 'fru Holm, sygeplejerske', ['fru Holm[title, staff]']],
  ])('%s', (_name, text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('roles: speakers and authors', () => {
  it.each([
    ['siger X', '- Det er godt, siger Jette Skive.', ['Jette Skive[name, speaker]']],
    ['fortæller X', 'Det fortæller Mads Lund.', ['Mads Lund[name, speaker]']],
    ['ifølge X', 'Årsagen er ifølge Mette Lund, at flere bliver ældre', ['Mette Lund[name, speaker]']],
    ['X udtaler', 'Jens Holm udtaler, at tallene stiger', ['Jens Holm[name, speaker]']],
    ['a byline', 'Af Hanne Lund', ['Hanne Lund[name, speaker]']],
    ['an author’s label', 'Forfatter: Peter Holm', ['Peter Holm[name, speaker]']],
  ])('%s', (_name, text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('roles: council members in minutes', () => {
  it.each([
    ['a party letter', 'Jens Nielsen (C) stillede forslag', ['Jens Nielsen[name, council]']],
    ['an attendance line', 'Til stede: Jens Nielsen, Mette Lund og Hans Berg', ['Jens Nielsen[name, council]', 'Mette Lund[name, council]', 'Hans Berg[name, council]']],
    ['absent', 'Afbud: Karen Holm', ['Karen Holm[name, council]']],
    ['a member informs', 'Mette Lund orienterede om ventelisten', ['Mette Lund[name, council]']],
    ['a member asks', 'Hans Berg spurgte til antallet af klager', ['Hans Berg[name, council]']],
    ['lines under an attendance head', 'Til stede:\nJens Nielsen\nMette Lund\n\nJens Hansen har demens', ['Jens Nielsen[name, council]', 'Mette Lund[name, council]', 'Jens Hansen[name]']],
  ])('%s', (_name, text, expected) => {
    expect(found({ text, block: false })).toEqual(expected);
  });
});

describe('roles: citizens', () => {
  it.each([
    ['a name alone', 'Jens Hansen har KOL', ['Jens Hansen[name]']],
    ['a role word before the name', 'borgeren Jens Hansen', ['borgeren Jens[role]', 'Jens Hansen[name]']],
    ['a visitor with a title in another clause', 'Sygeplejersken fra hjemmeplejen besøgte Jens Hansen', ['Jens Hansen[name]']],
    ['a family member is no office', 'familiemedlem Jens Hansen', ['Jens Hansen[name]']],
    ['hr. with a name', 'Borgeren (hr. Madsen) er utilfreds', ['hr. Madsen[title]']],
    ['a verb that looks like a title', 'Jens Hansen leder efter en bolig', ['Jens Hansen[name]']],
  ])('%s', (_name, text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('names inside other names are places and institutions', () => {
  it.each([
    ['a street', 'Carl Nielsens Allé 12', []],
    ['a nursing home', 'Anne Maries Plejecenter', []],
    ['a school after a king', 'Kong Frederiks Skole', []],
    ['a hospital after a saint', 'Sankt Josephs Hospital', []],
    ['a possessive name before a capitalised noun', 'på Jens Hansens Plejehjem', []],
    ['a possessive name before a lower-case noun stays a person', 'Jens Hansens bil', ['Jens Hansens[name]']],
  ])('%s', (_name, text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('surname-first names in lists, tables and exports', () => {
  it.each([
    ['a list entry and a dash', 'Hansen, Jens – KOL', ['Hansen, Jens[surname first]']],
    ['a hyphenated surname and a birth year', 'Damgaard-Lund, Else (f. 1944)', ['Damgaard-Lund, Else[surname first]']],
    ['a table cell', 'Sag 12 | Hansen, Jens | Demens', ['Hansen, Jens[surname first]']],
    ['a middle name', 'Hansen, Jens Peter\n', ['Hansen, Jens Peter[surname first]']],
    ['prose keeps its commas', 'Vi talte med Hansen, Jens og Ole om det', []],
  ])('%s', (_name, text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('the document’s memory: a role given once holds wherever the document names the person', () => {
  const document = (...texts: string[]): Segment[] => texts.map((text, index) => ({ kind: 'text', text, offset: index * 1000, block: true }));
  const roles = (segments: Segment[], index: number): string[] =>
    personReferences(segments[index]!, { ...context, document: segments }).map((reference) => `${segments[index]!.text.slice(reference.from, reference.to)}[${reference.role}]`);

  it('a title in one paragraph, the bare name three paragraphs later', () => {
    const segments = document('Det siger adm. direktør i Kræftens Bekæmpelse, Jesper Fisker.', 'Tallene stiger.', 'Flere lever med kræft.', 'Jesper Fisker har kræft på dagsordenen.');
    expect(roles(segments, 3)).toEqual(['Jesper Fisker[staff]']);
  });

  it('a title after the bare name', () => {
    const segments = document('Erla Buhl vil udvikle nye tilbud.', 'Det siger Erla Buhl, der er demenskonsulent.');
    expect(roles(segments, 0)).toEqual(['Erla Buhl[staff]']);
  });

  it('a Markdown attendance list: a head, then short items', () => {
    const segments = document('Til stede', 'Jens Nielsen', 'Mette Lund', 'Punkt 1. Sagen om Jens Nielsen blev drøftet, og en lang tekst følger her om alt det andet som udvalget drøftede på mødet den dag og dagen efter, så listen er forbi.');
    expect(roles(segments, 3)).toEqual(['Jens Nielsen[council]']);
  });

  it('another person of the same surname stays a citizen', () => {
    const segments = document('overlæge Lise Hansen', 'Jens Hansen har KOL.');
    expect(roles(segments, 1)).toEqual(['Jens Hansen[citizen]']);
  });

  it('without the document, a bare name is a citizen', () => {
    expect(found('Jesper Fisker har kræft på dagsordenen.')).toEqual(['Jesper Fisker[name]']);
  });
});

describe('scopes', () => {
  it('cuts sentences, but not after abbreviations and initials', () => {
    const text = 'Hr. Jensen kom kl. 10. Han gik igen. Mødet, jf. pkt. 3, sluttede. J. Hansen kom!';
    expect(sentences(text).map((scope) => text.slice(scope.from, scope.to).trim())).toEqual([
      'Hr. Jensen kom kl. 10.',
      'Han gik igen.',
      'Mødet, jf. pkt. 3, sluttede.',
      'J. Hansen kom!',
    ]);
  });

  it('keeps a short block whole and cuts a long one into sentences', () => {
    const short = 'Jens Hansen, Vestergade 3. Diagnose: kræft.';
    expect(scopes(short, true)).toEqual([{ from: 0, to: short.length }]);
    const long = `${'Første sætning er lang. '.repeat(14)}Sidste.`;
    expect(scopes(long, true)).toHaveLength(15);
  });

  it('breaks raw text at lines, unless the next line goes on in lower case', () => {
    const text = 'Jens Hansen;leder\nKræft;rådgivning\nBorgeren er i\nbehandling for kræft';
    expect(scopes(text, false).map((scope) => text.slice(scope.from, scope.to))).toEqual([
      'Jens Hansen;leder',
      'Kræft;rådgivning',
      'Borgeren er i\nbehandling for kræft',
    ]);
  });
});

describe('a numbered role bound to a name, as the prefilter sees a view', () => {
  it.each<[string, boolean]>([
    ['Ansøger 3: Anne Holm', true],
    ['Klager B – Jens Hansen', true],
    ['klager nr. 12 (Mette Lund)', true],
    ['Sag 3: budget 2026', false],
    ['Punkt 4 – sag 12 (lukket)', false],
    ['klager a: jens', false],
    ['Borger i – lokalområdet', false],
  ])('%s: %s', (view, expected) => {
    expect(mightBindAlias(view)).toBe(expected);
  });
});
