import { describe, expect, it } from 'vitest';
import { personReferences } from '../rules/person-reference.js';
import { scopes, sentences } from '../rules/scopes.js';

const context = { today: new Date(2026, 10, 22) };

/** The references in a text as "matched text[kind]" or "…[kind, staff]". */
function found(text: string): string[] {
  return personReferences({ kind: 'text', text, offset: 0, block: true }, context).map(
    (reference) => `${text.slice(reference.from, reference.to)}[${reference.kind}${reference.staff ? ', staff' : ''}]`,
  );
}

describe('full names from Danmarks Statistik’s lists', () => {
  it.each([
    ['first name and surname', 'Møde med Jens Hansen i dag', ['Jens Hansen[name]']],
    ['middle name', 'Afgørelse vedrørende Niels Holm Nielsen', ['Niels Holm Nielsen[name]']],
    ['two middle names', 'Anne Marie Holm Nielsen kom', ['Anne Marie Holm Nielsen[name]']],
    ['hyphenated first name and surname', 'Anne-Marie Holm-Nielsen kom', ['Anne-Marie Holm-Nielsen[name]']],
    ['non-Danish names common in Denmark', 'Mohammed Ali Hussein kom', ['Mohammed Ali Hussein[name]']],
    ['the possessive of a surname', 'Jens Hansens datter', ['Jens Hansens[name]']],
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
