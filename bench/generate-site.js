// Writes the benchmark's test site: a Danish municipality's static site, with Markdown sources,
// HTML build output and TSX components. Mostly clean text full of numbers that are not CPR numbers
// (dates, phone, CVR, account and case numbers), with CPR numbers planted in about 2% of the files,
// health data or a complaint about a named citizen in about 2% of the pages, and in about a quarter
// of the pages the traps that surround them on a real site: health and complaint words with no
// citizen named, staff named as contacts. Seeded, so every run and every machine scans the same bytes.
//
//   node bench/generate-site.js <directory> [clean|dense] [scale]   writes the site there, to look at it
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

// Shares of pages with a planted CPR number, with a citizen's health data or named complaint, and
// with traps: for a mostly clean site (what a real site is), and a dense one where most pages hold
// something a rule must look at closely (what a site that leaks is, and the parse path's cost).
const SHARES = {
  clean: { cpr: 0.02, prose: 0.02, traps: 0.25 },
  dense: { cpr: 0.9, prose: 0.5, traps: 1 },
};

// What to write, by extension, at scale 1: build output (HTML) is the bulk of a real site,
// components the least.
const BUDGET = { '.md': 9e6, '.html': 9.5e6, '.tsx': 2.5e6 };

/** mulberry32: small and seedable, unlike Math.random. */
function randomSource(seed) {
  let state = seed;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));
  return {
    int,
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)],
    digits: (n) => String(int(1, 9)) + Array.from({ length: n - 1 }, () => int(0, 9)).join(''),
  };
}

const pad = (n) => String(n).padStart(2, '0');

const MONTHS = [
  'januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november',
  'december',
];
const FIRST_NAMES = [
  'Anne', 'Lars', 'Mette', 'Søren', 'Karen', 'Jens', 'Louise', 'Peter', 'Hanne', 'Morten', 'Camilla',
  'Henrik', 'Line', 'Rasmus', 'Birgitte', 'Thomas', 'Signe', 'Anders', 'Pia', 'Niels',
];
const LAST_NAMES = [
  'Jensen', 'Nielsen', 'Hansen', 'Pedersen', 'Andersen', 'Christensen', 'Larsen', 'Sørensen', 'Rasmussen',
  'Jørgensen', 'Madsen', 'Kristensen', 'Olsen', 'Thomsen', 'Poulsen', 'Møller',
];
const PARTIES = ['A', 'V', 'C', 'F', 'Ø', 'O', 'B', 'I', 'Æ'];
const COMMITTEES = [
  'Byrådet', 'Økonomiudvalget', 'Børne- og Skoleudvalget', 'Teknik- og Miljøudvalget',
  'Social- og Sundhedsudvalget', 'Kultur- og Fritidsudvalget', 'Klima- og Planudvalget',
  'Beskæftigelsesudvalget',
];
const TOWNS = ['Egeskov', 'Nørre Vang', 'Søby', 'Lindholm', 'Bakkebølle', 'Vester Ørslev'];
const STREETS = [
  'Rådhuspladsen', 'Stationsvej', 'Skolegade', 'Kirkevej', 'Industrivej', 'Havnegade', 'Møllevej', 'Egevej',
  'Bakkedraget', 'Lindealle',
];
const VENUES = [
  'Rådhuset, mødelokale 2', 'Søby Hallen', 'Egeskov Bibliotek', 'Lindholm Skole, aulaen',
  'Kulturhuset Vangen',
];
const DEPARTMENTS = [
  'Borgerservice', 'Byggeri og Miljø', 'Pladsanvisningen', 'Vej og Park', 'Sundhedsplejen', 'Jobcentret',
  'Affald og Genbrug', 'Skoleafdelingen',
];
const THINGS = [
  'lokalplan 1.45 for boligområdet ved Møllevej', 'en ny affaldsordning med ti fraktioner',
  'trafiksikkerhedsplanen 2026-2029', 'renoveringen af Søby Hallen', 'klimahandleplanen',
  'en ny skolestruktur', 'takster for daginstitutioner', 'kvalitetsrapporten for skoleområdet',
  'udbuddet af vintertjeneste', 'helhedsplanen for Egeskov bymidte',
];
const AGENDA_TITLES = [
  'Godkendelse af dagsorden', 'Budgetopfølgning pr. 31. marts',
  'Lokalplan 1.45 for boligområde ved Møllevej - endelig vedtagelse', 'Høring om ny affaldsordning',
  'Skolestruktur - principper for distriktsændringer', 'Anlægsbevilling til renovering af Søby Hallen',
  'Trafiksikkerhedsplan 2026-2029', 'Takster for daginstitutioner 2027', 'Orientering fra formanden',
  'Ansøgning om tilskud fra Kulturpuljen', 'Klimaplan - status', 'Ændring af styrelsesvedtægt',
  'Kvalitetsrapport for skoleområdet', 'Udbud af vintertjeneste',
  'Salg af kommunal grund, matr.nr. 12ab Søby By', 'Eventuelt',
];
const SERVICES = [
  'Pas og kørekort', 'Affald og genbrug', 'Parkering', 'Byggetilladelse', 'Skoleindskrivning',
  'Pladsanvisning', 'Hjemmepleje', 'Bibliotekerne', 'Sundhedsplejen', 'Flytning og adresse', 'Boligstøtte',
  'Vielser og navngivning',
];
const NEWS_TITLES = [
  'Ny cykelsti mellem Søby og Lindholm åbner', 'Byrådet har vedtaget budget 2027',
  'Vejarbejde på Stationsvej i uge 14', 'Nu kan du søge Kulturpuljen',
  'Sommerferieaktiviteter for børn og unge', 'Borgerservice holder lukket fredag',
  'Ny genbrugsplads i Nørre Vang', 'Frivilligprisen går til Egeskov Spejderne',
  'Høring om lokalplan for bymidten', 'Vinterberedskabet er klar',
];
const DAYS = ['Mandag', 'Tirsdag', 'Onsdag', 'Torsdag', 'Fredag'];

// Slots in the sentence templates: each one writes the number kinds a real site is full of.
const SLOTS = {
  date: (r) => `${pad(r.int(1, 28))}.${pad(r.int(1, 12))}.${r.int(2008, 2027)}`,
  shortDate: (r) => `${pad(r.int(1, 28))}.${pad(r.int(1, 12))}.${pad(r.int(14, 27))}`,
  dateWords: (r) => `${r.int(1, 28)}. ${r.pick(MONTHS)}${r.chance(0.5) ? ` ${r.int(2024, 2027)}` : ''}`,
  month: (r) => r.pick(MONTHS),
  year: (r) => String(r.int(2024, 2029)),
  time: (r) => `kl. ${pad(r.int(8, 19))}.${r.pick(['00', '15', '30', '45'])}`,
  hours: (r) => `kl. ${pad(r.int(8, 10))}.${r.pick(['00', '30'])}-${r.int(13, 18)}.${r.pick(['00', '30'])}`,
  phone: (r) =>
    r.chance(0.7)
      ? `${r.int(20, 99)} ${pad(r.int(0, 99))} ${pad(r.int(0, 99))} ${pad(r.int(0, 99))}`
      : `+45 ${r.digits(4)} ${r.int(1000, 9999)}`,
  cvr: (r) => r.digits(8),
  reg: (r) => r.digits(4),
  account: (r) => r.digits(10),
  ean: (r) => `5798${r.digits(9)}`,
  // KLE case numbers, as in "Sagsnr. 48.16.99-A38-6-20".
  caseNumber: (r) => {
    const subject = `${pad(r.int(0, 88))}.${pad(r.int(0, 99))}.${pad(r.int(0, 99))}`;
    return `${subject}-${r.pick(['A', 'G', 'P', 'K'])}${pad(r.int(0, 99))}-${r.int(1, 9)}-${r.int(14, 26)}`;
  },
  journal: (r) => `${r.int(2019, 2026)}-${r.digits(6)}`,
  amount: (r) => r.int(12, 98_000).toLocaleString('da-DK') + '.000',
  n: (r) => String(r.int(2, 120)),
  name: (r) => `${r.pick(FIRST_NAMES)} ${r.pick(LAST_NAMES)}`,
  // "Jens Hansens klage"
  possessiveName: (r) => `${r.pick(FIRST_NAMES)} ${r.pick(LAST_NAMES)}s`,
  surname: (r) => r.pick(LAST_NAMES),
  party: (r) => r.pick(PARTIES),
  address: (r) => `${r.pick(STREETS)} ${r.int(1, 80)}, ${r.int(4600, 4699)} ${r.pick(TOWNS)}`,
  town: (r) => r.pick(TOWNS),
  venue: (r) => r.pick(VENUES),
  dept: (r) => r.pick(DEPARTMENTS),
  email: (r) => `${r.pick(DEPARTMENTS).toLowerCase().replace(/[^a-zæøå]+/g, '')}@egeskov.dk`,
  thing: (r) => r.pick(THINGS),
  parcel: (r) => `matr.nr. ${r.int(1, 60)}${r.pick(['a', 'b', 'c', 'ab', 'bd'])} ${r.pick(TOWNS)} By`,
};

const PROPOSALS = [
  '{thing} godkendes', 'der gives en anlægsbevilling på {amount} kr.', 'orienteringen tages til efterretning',
  'sagen sendes i høring fra {dateWords}',
];
const DECISIONS = [
  'Godkendt.', 'Anbefales over for byrådet.', 'Udsat til næste møde.',
  'Godkendt. {name} ({party}) deltog ikke i behandlingen af punktet.',
];
const CASE_SENTENCES = [
  'Forvaltningen har udarbejdet et forslag til {thing}, som var i offentlig høring fra {dateWords} til {dateWords}.',
  'I høringsperioden er der indkommet {n} høringssvar, som er samlet i vedlagte hvidbog.',
  'Sagen blev behandlet på udvalgets møde den {date}, hvor den blev sendt tilbage til forvaltningen med ønske om yderligere belysning.',
  'Det samlede anlægsbudget udgør {amount} kr., hvoraf {amount} kr. finansieres af puljen til klimatilpasning.',
  'Projektet forventes igangsat i {month} {year} og tager ca. {n} uger.',
  'Der blev holdt borgermøde i {venue} den {dateWords}, hvor ca. {n} borgere deltog.',
  'Forvaltningen vurderer, at forslaget er i overensstemmelse med kommuneplanens rammer for {town}.',
  'Efter lov om social service § {n} skal kommunalbestyrelsen mindst én gang årligt drøfte {thing}.',
  'Henvendelser om sagen kan rettes til {dept} på telefon {phone} eller {email}.',
  'Tilskuddet udbetales til ansøgers NemKonto; foreningens CVR-nr. er {cvr}.',
  'Beløbet indbetales på reg.nr. {reg} kontonr. {account} med angivelse af journalnr. {journal}.',
  'Der henvises til tidligere sag, sagsnr. {caseNumber}, og til byrådets beslutning den {date}.',
  'Tilsynsrapporten af {date} viser ingen væsentlige bemærkninger.',
  'Ejendommen {parcel} ligger i landzone, og der er givet dispensation den {shortDate}.',
  'Fakturaer sendes elektronisk til EAN {ean} med ordrenummer {journal}.',
  'Kommunen har modtaget en henvendelse fra grundejerforeningen på {address} om trafikken i området.',
  'Der er afsat {amount} kr. i budget {year}, og udgiften forventes at falde til {amount} kr. i {year}.',
  'Arbejdet udføres på hverdage {hours}, og der vil være skiltet omkørsel.',
];
const SERVICE_SENTENCES = [
  'Du kan bestille tid hos {dept} på egeskov.dk eller ringe på {phone} alle hverdage {hours}.',
  'Husk at medbringe gyldigt billedlegitimation, når du møder op på {address}.',
  'Fra {dateWords} kan du søge digitalt med MitID, og ansøgningen behandles normalt inden for {n} dage.',
  'Gebyret er {amount} kr. og betales ved bestillingen; prisen følger takstbladet for {year}.',
  'Har du spørgsmål, kan du skrive til {email} eller ringe på {phone}.',
  'Sagsbehandlingstiden er i øjeblikket {n} dage, opgjort {date}.',
  'Reglerne står i bekendtgørelse nr. {n} af {date}, som du finder på retsinformation.dk.',
  'Borgerservice i {town} holder lukket {dateWords} på grund af kursus.',
];
const NEWS_SENTENCES = [
  'Byrådet vedtog på mødet den {dateWords} {thing}.',
  '- Vi glæder os over, at så mange har bakket op, siger udvalgsformand {name} ({party}).',
  'Arbejdet begynder {dateWords} og ventes færdigt i {month} {year}.',
  'Har du spørgsmål, kan du kontakte {dept} på {phone}.',
  'Over {n} borgere har allerede tilmeldt sig, og der er stadig ledige pladser.',
  'Der er åbent hus i {venue} den {dateWords} {time}.',
  'Projektet har en samlet økonomi på {amount} kr. og er støttet af fonde og puljemidler.',
];

function fill(r, template) {
  return template.replace(/\{(\w+)\}/g, (_, slot) => SLOTS[slot](r));
}

function sentences(r, templates, count) {
  return Array.from({ length: count }, () => fill(r, r.pick(templates)));
}

/**
 * A paragraph as inline parts: text, and now and then a link or strong emphasis. `sentenceCount`
 * says how many plain sentences it opens with, so a trap can be put among them.
 */
function paragraph(r, templates) {
  const sentenceCount = r.int(2, 5);
  const parts = sentences(r, templates, sentenceCount);
  if (r.chance(0.3)) parts.push({ strong: 'Bemærk:' }, fill(r, r.pick(templates)));
  if (r.chance(0.3)) {
    const service = r.pick(SERVICES);
    parts.push('Læs mere om', { link: service.toLowerCase(), href: `/borger/${slug(service)}/` });
  }
  return { type: 'paragraph', parts, sentenceCount };
}

function slug(text) {
  return text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function plantedCpr(r) {
  const year = r.int(1937, 1999);
  const month = r.int(1, 12);
  const day = r.int(1, 28);
  // A 7th digit of 0-3 puts every year from 1900 to 1999 in the 1900s.
  const serial = `${r.int(0, 3)}${pad(r.int(0, 99))}${r.int(0, 9)}`;
  const date = `${pad(day)}${pad(month)}${pad(year % 100)}`;
  return `${date}${r.pick(['', '-', ' '])}${serial}`;
}

// Each line with the rules it is a finding of: a complainant named with a CPR number is both a
// CPR number and a named complaint.
const CPR_LINES = [
  { template: 'Barnets cpr-nummer: {cpr}', rules: ['no-cpr-number'] },
  { template: 'CPR-nr. {cpr}', rules: ['no-cpr-number'] },
  { template: 'Ansøgers personnummer er {cpr}.', rules: ['no-cpr-number'] },
  { template: 'Klager ({name}, cpr {cpr}) er orienteret.', rules: ['no-cpr-number', 'no-named-complaint'] },
];

// A citizen's health data and complaints, written as editors have published them in minutes and
// case lists: each one is an error of its rule.
const HEALTH_DATA_LINES = [
  'Borgeren {name} er i behandling for depression.',
  '{name} lider af Parkinsons sygdom og har behov for hjælpemidler.',
  '{name} har fået bevilget en kørestol efter en blodprop i hjernen.',
  '{name} er visiteret til plejehjem på grund af demens.',
  '{name} har været sygemeldt med stress siden {dateWords}.',
  'Tilskud til genoptræning efter brystkræft: {name}, {address}.',
  'Hr. {surname} har diabetes og får hjælp til at tage sin insulin.',
  'Ansøgning om merudgifter til {name}, der har ADHD og autisme.',
];
const NAMED_COMPLAINT_LINES = [
  'Klage fra {name} over hjemmeplejens vurdering.',
  'Klager: {name}, {address}',
  '{name} har klaget over afslaget på boligstøtte.',
  'Afgørelse i klagesag vedrørende {name}.',
  '{possessiveName} klage over visitationen er sendt videre til Ankestyrelsen.',
  'Anke af afgørelse om hjemmehjælp – {name}',
];

// Health and complaint words where no citizen is named, as a municipal site is full of them: none
// of these is health data or a complaint about a citizen, so none should be a finding. Staff named
// as contacts or officials, organisations named after a disease, compounds that name a service,
// counts of complaints and how to complain.
const TRAP_LINES = [
  'Vi har et tilbud til borgere med demens.',
  'Kommunen tilbyder genoptræning efter blodprop og kræft.',
  'Har du brug for hjælpemidler, fx en rollator eller en kørestol, kan du søge hos {dept}.',
  'Pårørende til mennesker med demens kan få aflastning op til {n} timer om ugen.',
  'Forløbet er for borgere med KOL, diabetes eller en hjertesygdom.',
  'Kom og hør om livet efter kræft i {venue} den {dateWords} {time}.',
  'Rådgivningen er gratis og anonym for unge med angst, depression eller en spiseforstyrrelse.',
  'Der er fortsat for få arbejdskræfter i ældreplejen.',
  'Der blev sat ekstra kræfter ind på vintertjenesten.',
  'Misbrug af kommunens midler bliver altid politianmeldt.',
  'Kolonihaveforeningen holder generalforsamling den {dateWords}.',
  'Kontakt demenskoordinator {name} på tlf. {phone}.',
  'Spørgsmål om genoptræning kan rettes til fysioterapeut {name}, tlf. {phone}.',
  'Psykiatrisk sygeplejerske {name} holder åben rådgivning om angst og depression.',
  '{name} er ny leder af demenscentret i {town}.',
  'Kræftens Bekæmpelse holder rådgivning i {venue} hver tirsdag {hours}.',
  'Arrangementet er i samarbejde med Kræftens Bekæmpelse og Scleroseforeningen.',
  'Handicaprådet holder møde den {dateWords}, og formand {name} byder velkommen.',
  'Sådan klager du over en afgørelse.',
  'Vil du klage over afgørelsen, skal klagen være modtaget senest fire uger efter, at du har fået den.',
  'Kommunen modtog {n} klager over hjemmeplejen i {year}.',
  'Ankestyrelsen behandlede {n} klagesager fra kommunen i {year}.',
  'Kontakt klagekoordinator {name} på tlf. {phone}, hvis du har spørgsmål til din klage.',
  'Klagen fra borgeren er behandlet, og borgeren har fået medhold.',
  'Borgmester {name} modtog kritik og klager fra borgerne.',
  // Council members, named with their party as minutes name them, and the head of an institution.
  '{name} ({party}) spurgte til ventelisten til plejehjem.',
  '{name} ({party}) spurgte til behandlingen af klager over hjemmeplejen.',
  'Efter mødet var der rundvisning på Plejehjemmet Egely ved forstander {name}.',
];

/** A page as blocks, so the same content can be written as Markdown or as HTML. */
function page(r, kind) {
  const [year, month, day] = [r.int(2024, 2026), r.int(1, 12), r.int(1, 28)];
  const date = `${year}-${pad(month)}-${pad(day)}`;
  if (kind === 'minutes') {
    const committee = r.pick(COMMITTEES);
    const members = Array.from({ length: r.int(4, 9) }, () => fill(r, '{name} ({party})'));
    const blocks = [
      {
        type: 'list',
        items: [
          `Mødedato: ${pad(day)}.${pad(month)}.${year}, ${fill(r, '{time}')}`,
          `Mødested: ${fill(r, '{venue}')}`,
          `Deltagere: ${members.join(', ')}`,
          `Fraværende: ${fill(r, '{name}')}`,
        ],
      },
    ];
    const items = r.int(6, 16);
    for (let i = 1; i <= items; i++) {
      blocks.push(
        { type: 'heading', depth: 2, text: `${i}. ${r.pick(AGENDA_TITLES)}` },
        { type: 'paragraph', parts: [fill(r, 'Sagsnr. {caseNumber}')] },
        { type: 'heading', depth: 3, text: 'Sagsfremstilling' },
        ...Array.from({ length: r.int(1, 4) }, () => paragraph(r, CASE_SENTENCES)),
      );
      if (r.chance(0.4)) {
        const years = [2026, 2027, 2028, 2029];
        blocks.push({ type: 'heading', depth: 3, text: 'Økonomi' }, {
          type: 'table',
          header: ['Beløb i 1.000 kr.', ...years.map(String)],
          rows: ['Anlæg', 'Drift', 'Finansiering'].map((row) => [row, ...years.map(() => fill(r, '{amount}'))]),
        });
      }
      blocks.push(
        { type: 'heading', depth: 3, text: 'Indstilling' },
        { type: 'list', items: Array.from({ length: r.int(1, 3) }, () => `at ${fill(r, r.pick(PROPOSALS))}`) },
        { type: 'heading', depth: 3, text: 'Beslutning' },
        { type: 'paragraph', parts: [fill(r, r.pick(DECISIONS))] },
      );
    }
    const title = `Referat: ${committee} ${day}. ${MONTHS[month - 1]} ${year}`;
    return { kind, title, date, section: slug(committee), blocks };
  }
  if (kind === 'service') {
    const title = r.pick(SERVICES);
    return {
      kind, title, date, section: 'borger',
      blocks: [
        paragraph(r, SERVICE_SENTENCES),
        { type: 'heading', depth: 2, text: 'Åbningstider' },
        {
          type: 'table',
          header: ['Dag', 'Åbent', 'Telefon'],
          rows: DAYS.map((day) => [day, fill(r, '{hours}'), fill(r, '{phone}')]),
        },
        { type: 'heading', depth: 2, text: 'Sådan gør du' },
        { type: 'list', ordered: true, items: sentences(r, SERVICE_SENTENCES, r.int(3, 6)) },
        ...Array.from({ length: r.int(1, 4) }, () => paragraph(r, SERVICE_SENTENCES)),
        { type: 'heading', depth: 2, text: 'Kontakt' },
        { type: 'list', items: ['{dept}', '{address}', 'Telefon {phone}', '{email}'].map((item) => fill(r, item)) },
      ],
    };
  }
  return {
    kind, title: r.pick(NEWS_TITLES), date, section: 'nyheder',
    blocks: [
      { type: 'paragraph', parts: [{ strong: fill(r, r.pick(NEWS_SENTENCES)) }] },
      ...Array.from({ length: r.int(2, 6) }, () => paragraph(r, NEWS_SENTENCES)),
    ],
  };
}

/** A labelled CPR number: `{ text, rules }`, the rules it is a finding of. */
function cprLine(r) {
  const { template, rules } = r.pick(CPR_LINES);
  return { text: fill(r, template.replace('{cpr}', plantedCpr(r))), rules };
}

/** A citizen's health data or named complaint: `{ text, rules }`. */
function proseLine(r) {
  return r.chance(0.5)
    ? { text: fill(r, r.pick(HEALTH_DATA_LINES)), rules: ['no-health-data'] }
    : { text: fill(r, r.pick(NAMED_COMPLAINT_LINES)), rules: ['no-named-complaint'] };
}

/** Puts a planted line into the page, where an editor would paste one. */
function plant(r, content, line) {
  const at = r.int(0, content.blocks.length);
  const block = r.chance(0.5)
    ? { type: 'paragraph', parts: [line.text] }
    : { type: 'list', items: [fill(r, 'Sagsbehandler: {name}'), line.text] };
  content.blocks.splice(at, 0, block);
}

/** Puts one to three traps into the page: among a paragraph's sentences, or as a paragraph of their own. */
function addTraps(r, content) {
  const paragraphs = content.blocks.filter((block) => block.sentenceCount);
  for (let count = r.int(1, 3); count > 0; count--) {
    const trap = fill(r, r.pick(TRAP_LINES));
    if (paragraphs.length > 0 && r.chance(0.6)) {
      const paragraph = r.pick(paragraphs);
      paragraph.parts.splice(r.int(0, paragraph.sentenceCount), 0, trap);
      paragraph.sentenceCount += 1;
    } else {
      content.blocks.splice(r.int(0, content.blocks.length), 0, { type: 'paragraph', parts: [trap] });
    }
  }
}

function inlineMarkdown(parts) {
  const write = (part) => {
    if (typeof part === 'string') return part;
    return part.strong ? `**${part.strong}**` : `[${part.link}](${part.href})`;
  };
  return parts.map(write).join(' ');
}

function markdown(content) {
  const lines = [
    '---',
    `title: "${content.title}"`,
    `date: ${content.date}`,
    `layout: ${content.kind}`,
    `tags: [${content.kind}, ${content.section}]`,
    '---',
    '',
    `# ${content.title}`,
    '',
  ];
  for (const block of content.blocks) {
    if (block.type === 'heading') lines.push(`${'#'.repeat(block.depth)} ${block.text}`);
    if (block.type === 'paragraph') lines.push(inlineMarkdown(block.parts));
    if (block.type === 'list') {
      lines.push(...block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : '-'} ${item}`));
    }
    if (block.type === 'table') {
      const row = (cells) => `| ${cells.join(' | ')} |`;
      lines.push(row(block.header), row(block.header.map(() => '---')), ...block.rows.map(row));
    }
    lines.push('');
  }
  return lines.join('\n');
}

const escape = (text) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const NAV = [
  'Borger', 'Erhverv', 'Politik', 'Kultur og fritid', 'Natur og miljø', 'Job', 'Om kommunen', 'Nyheder',
  'Kontakt',
];

function inlineHtml(parts) {
  const write = (part) => {
    if (typeof part === 'string') return escape(part);
    return part.strong ? `<strong>${escape(part.strong)}</strong>` : `<a href="${part.href}">${escape(part.link)}</a>`;
  };
  return parts.map(write).join(' ');
}

function html(content, url) {
  const body = content.blocks.map((block) => {
    const tag = `h${block.depth}`;
    if (block.type === 'heading') return `<${tag} id="${slug(block.text)}">${escape(block.text)}</${tag}>`;
    if (block.type === 'paragraph') return `<p>${inlineHtml(block.parts)}</p>`;
    if (block.type === 'list') {
      const tag = block.ordered ? 'ol' : 'ul';
      return `<${tag}>\n${block.items.map((item) => `  <li>${escape(item)}</li>`).join('\n')}\n</${tag}>`;
    }
    const cells = (row, tag) => `<tr>${row.map((cell) => `<${tag}>${escape(cell)}</${tag}>`).join('')}</tr>`;
    const rows = block.rows.map((row) => cells(row, 'td')).join('\n');
    return `<div class="table-wrapper"><table>\n<thead>${cells(block.header, 'th')}</thead>\n<tbody>\n${rows}\n</tbody>\n</table></div>`;
  });
  const title = escape(content.title);
  return `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} | Egeskov Kommune</title>
<meta name="description" content="${title} - læs mere hos Egeskov Kommune.">
<meta property="og:title" content="${title}">
<meta property="og:type" content="article">
<meta property="og:url" content="https://www.egeskov.dk${url}">
<meta property="og:locale" content="da_DK">
<meta property="article:published_time" content="${content.date}T08:00:00+01:00">
<link rel="canonical" href="https://www.egeskov.dk${url}">
<link rel="icon" href="/favicon.ico">
<link rel="stylesheet" href="/assets/site.4f9c2e.css">
<script src="/assets/site.8a1d3b.js" defer></script>
</head>
<body class="page-${content.kind}">
<a class="skip-link" href="#indhold">Gå til indhold</a>
<header class="site-header">
<a class="logo" href="/"><img src="/assets/logo.svg" alt="Egeskov Kommune" width="180" height="48"></a>
<nav aria-label="Hovedmenu"><ul>
${NAV.map((item) => `  <li><a href="/${slug(item)}/">${escape(item)}</a></li>`).join('\n')}
</ul></nav>
<form class="search" action="/soeg/" role="search"><label for="q">Søg</label><input id="q" name="q" type="search"><button>Søg</button></form>
</header>
<nav aria-label="Brødkrumme" class="breadcrumb"><ol><li><a href="/">Forside</a></li><li><a href="/${content.section}/">${escape(content.section)}</a></li><li aria-current="page">${title}</li></ol></nav>
<main id="indhold">
<article>
<h1>${title}</h1>
<p class="meta">Opdateret <time datetime="${content.date}">${content.date}</time></p>
${body.join('\n')}
</article>
</main>
<footer class="site-footer">
<div class="contact"><h2>Kontakt</h2><p>Egeskov Kommune<br>Rådhuspladsen 1<br>4690 Egeskov</p>
<p>Telefon <a href="tel:+4556671000">56 67 10 00</a><br>CVR-nr. 29189730<br>EAN 5798000558476</p></div>
<div class="hours"><h2>Borgerservice</h2><p>Mandag-onsdag kl. 10.00-15.00<br>Torsdag kl. 10.00-17.30<br>Fredag kl. 10.00-13.00</p></div>
<ul class="social"><li><a href="https://www.facebook.com/egeskovkommune">Facebook</a></li><li><a href="https://www.linkedin.com/company/egeskov-kommune">LinkedIn</a></li></ul>
<p class="copyright">© 2026 Egeskov Kommune · <a href="/privatliv/">Privatlivspolitik</a> · <a href="/tilgaengelighed/">Tilgængelighedserklæring</a> · <a href="/cookies/">Cookies</a></p>
</footer>
</body>
</html>
`;
}

const COMPONENTS = ['OpeningHours', 'ContactCard', 'AgendaList', 'FeeTable', 'NewsTeasers'];

/** A React component of the site's theme, with the data it shows written into it. */
const COMPONENT_NOTES = [
  'Sagsnr. {caseNumber}', 'CVR {cvr}', 'Opdateret {date}', '{hours}', 'Gebyr {amount} kr.',
  'Reg.nr. {reg} konto {account}',
];

function component(r, name, plantedLine) {
  const rows = Array.from({ length: r.int(4, 14) }, () => {
    const label = fill(r, r.pick(['{dept}', '{town}', '{name}', '{venue}']));
    return `  { label: '${label}', phone: '${fill(r, '{phone}')}', note: '${fill(r, r.pick(COMPONENT_NOTES))}' },`;
  });
  const id = slug(name);
  return `import type { ReactNode } from 'react';
import { Link } from '../routing/Link';
import styles from './${name}.module.css';

export interface ${name}Props {
  heading?: string;
  children?: ReactNode;
}

// Shown on ${fill(r, '{dept}')}'s pages; the data is kept here until the CMS feed is ready.
const ROWS = [
${rows.join('\n')}
];

export function ${name}({ heading = '${escape(r.pick([...SERVICES, ...NEWS_TITLES]))}', children }: ${name}Props) {
  return (
    <section className={styles.root} aria-labelledby="${id}-heading">
      <h2 id="${id}-heading">{heading}</h2>
      <p>${escape(fill(r, r.pick(SERVICE_SENTENCES)))}</p>
      ${plantedLine ? `<p className={styles.note}>${escape(plantedLine.text)}</p>` : ''}
      <table className={styles.table}>
        <thead>
          <tr><th scope="col">Navn</th><th scope="col">Telefon</th><th scope="col">Bemærkning</th></tr>
        </thead>
        <tbody>
          {ROWS.map((row) => (
            <tr key={row.label}>
              <td>{row.label}</td>
              <td><a href={\`tel:\${row.phone.replace(/\\s/g, '')}\`}>{row.phone}</a></td>
              <td>{row.note}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {children}
      <Link href="/${slug(r.pick(SERVICES))}/">${escape(fill(r, 'Se alle {n} punkter'))}</Link>
    </section>
  );
}
`;
}

/**
 * Writes the site under `root` and says what it wrote: bytes by extension, file count, the files
 * (paths relative to `root`) each rule should find something in, by rule id (`planted`), and the
 * number of files with traps. `kind` is "clean" or "dense" (see SHARES); `scale` multiplies the size.
 */
export function generateSite(root, { seed = 20260326, kind = 'clean', scale = 1 } = {}) {
  const r = randomSource(seed);
  const share = SHARES[kind];
  const budget = Object.fromEntries(Object.entries(BUDGET).map(([extension, bytes]) => [extension, bytes * scale]));
  const bytes = { '.md': 0, '.html': 0, '.tsx': 0 };
  let files = 0;
  let withTraps = 0;
  const planted = { 'no-cpr-number': [], 'no-health-data': [], 'no-named-complaint': [] };
  const write = (relative, text, { plantedLines = [], traps = false } = {}) => {
    const target = path.join(root, relative);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text);
    bytes[path.extname(relative)] += Buffer.byteLength(text);
    files += 1;
    for (const rule of new Set(plantedLines.flatMap((line) => line.rules))) planted[rule].push(relative);
    if (traps) withTraps += 1;
  };
  for (let i = 0; bytes['.md'] < budget['.md'] || bytes['.html'] < budget['.html']; i++) {
    // Meeting minutes are few but long; news pages are many and short.
    const kind = r.pick(['minutes', 'service', 'service', 'news', 'news', 'news']);
    const content = page(r, kind);
    const plantedLines = [];
    if (r.chance(share.cpr)) plantedLines.push(cprLine(r));
    if (r.chance(share.prose)) plantedLines.push(proseLine(r));
    for (const line of plantedLines) plant(r, content, line);
    const traps = r.chance(share.traps);
    if (traps) addTraps(r, content);
    const name = `${slug(content.title)}-${i}`;
    const url = `/${content.section}/${name}/`;
    const planting = { plantedLines, traps };
    if (bytes['.md'] < budget['.md']) write(`content${url.slice(0, -1)}.md`, markdown(content), planting);
    if (bytes['.html'] < budget['.html']) write(`public${url}index.html`, html(content, url), planting);
  }
  for (let i = 0; bytes['.tsx'] < budget['.tsx']; i++) {
    const plantedLine = r.chance(share.cpr) ? cprLine(r) : undefined;
    const name = `${r.pick(COMPONENTS)}${i}`;
    write(`src/components/${name}.tsx`, component(r, name, plantedLine), { plantedLines: plantedLine ? [plantedLine] : [] });
  }
  const totalBytes = Object.values(bytes).reduce((a, b) => a + b, 0);
  return { root, kind, files, bytes, totalBytes, planted, withTraps };
}

/** What the site holds, in one line: its size and what is planted in it. */
export function describeSite(site) {
  const megabytes = (bytes) => (bytes / 1e6).toFixed(1);
  const byExtension = Object.entries(site.bytes).map(([extension, bytes]) => `${extension} ${megabytes(bytes)}`);
  return (
    `${site.kind}: ${site.files} files, ${megabytes(site.totalBytes)} MB (${byExtension.join(', ')}); ` +
    `${site.planted['no-cpr-number'].length} with a planted CPR number, ` +
    `${site.planted['no-health-data'].length} with health data about a named citizen, ` +
    `${site.planted['no-named-complaint'].length} with a named complaint (some in a CPR line), ` +
    `${site.withTraps} with traps (health and complaint words, no citizen named)`
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = process.argv[2];
  if (!root) {
    process.stderr.write('Usage: node bench/generate-site.js <directory> [clean|dense] [scale]\n');
    process.exitCode = 2;
  } else {
    const site = generateSite(path.resolve(root), { kind: process.argv[3] ?? 'clean', scale: Number(process.argv[4] ?? 1) });
    process.stdout.write(`${describeSite(site)}\n`);
  }
}
