// The health lexicon of no-health-data: Danish and English words for diagnoses, conditions,
// disabilities, abuse, treatments and aids, curated for what municipal sites publish about
// citizens. docs/rules/no-health-data.md lists them by category.
//
// How a term matches a word (case-insensitive unless `caseSensitive`):
// - 'word':  the term itself, or with a Danish or English ending (-e, -en, -er, -erne, -et, -ede,
//            -s, -ens, -ets, -ers): "vold" → "volden", not "voldsom".
// - 'start': a word that begins with the term: "angst" → "angstlidelse", "angstanfald".
// - 'end':   a word that ends with the term (and an ending): "gigt" → "leddegigt", "leddegigten".
// - 'any':   a word that holds the term anywhere: "kræft" → "brystkræft", "lungekræften",
//            "kræftpatient". Only for terms long and rare enough not to sit inside other words.
// `except`: substrings that make a word no match ("kræfter", strength, holds "kræft").
// A phrase (words with spaces) matches with any white space between its words.

export type HealthCategory =
  | 'cancer'
  | 'heart and circulation'
  | 'neurological condition'
  | 'dementia'
  | 'mental illness'
  | 'developmental condition'
  | 'chronic illness'
  | 'infection'
  | 'addiction'
  | 'disability'
  | 'aids and care'
  | 'abuse'
  | 'treatment'
  | 'diagnosis'
  | 'illness'
  | 'pregnancy'
  | 'custom';

export type TermMatch = 'word' | 'start' | 'end' | 'any';

export interface HealthTerm {
  term: string;
  category: HealthCategory;
  match: TermMatch;
  except?: readonly string[];
  caseSensitive?: boolean;
}

const t = (term: string, category: HealthCategory, match: TermMatch = 'word', extra: Partial<HealthTerm> = {}): HealthTerm => ({
  term,
  category,
  match,
  ...extra,
});

export const HEALTH_TERMS: readonly HealthTerm[] = [
  // cancer
  t('kræft', 'cancer', 'any', { except: ['kræfter'] }),
  t('cancer', 'cancer', 'any'),
  t('tumor', 'cancer', 'any'),
  t('tumour', 'cancer', 'any'),
  t('svulst', 'cancer', 'any'),
  t('leukæmi', 'cancer', 'any'),
  t('leukemia', 'cancer', 'any'),
  t('leukaemia', 'cancer', 'any'),
  t('lymfom', 'cancer', 'any'),
  t('lymphoma', 'cancer', 'any'),
  t('metastase', 'cancer', 'any'),
  t('kemoterapi', 'treatment', 'any'),
  t('kemo', 'treatment', 'word'),
  t('chemotherapy', 'treatment', 'any'),
  t('strålebehandl', 'treatment', 'start'),
  t('stråleterapi', 'treatment', 'any'),
  t('radiotherapy', 'treatment', 'any'),
  // heart and circulation
  t('blodprop', 'heart and circulation', 'any'),
  t('hjerneblødning', 'heart and circulation', 'any'),
  t('slagtilfælde', 'heart and circulation', 'any'),
  t('apopleksi', 'heart and circulation', 'any'),
  t('hjertestop', 'heart and circulation', 'any'),
  t('hjertesvigt', 'heart and circulation', 'any'),
  t('hjerteinfarkt', 'heart and circulation', 'any'),
  t('hjertesygdom', 'heart and circulation', 'any'),
  t('hjertelidelse', 'heart and circulation', 'any'),
  t('blood clot', 'heart and circulation'),
  t('heart attack', 'heart and circulation'),
  t('heart failure', 'heart and circulation'),
  t('stroke', 'heart and circulation'),
  // neurological conditions
  t('sclerose', 'neurological condition', 'any'),
  t('sklerose', 'neurological condition', 'any'),
  t('multiple sclerosis', 'neurological condition'),
  t('epilep', 'neurological condition', 'any'),
  t('parkinson', 'neurological condition', 'any'),
  t('cerebral parese', 'neurological condition'),
  t('cerebral palsy', 'neurological condition'),
  t('hjerneskade', 'neurological condition', 'any'),
  t('brain injury', 'neurological condition'),
  t('brain damage', 'neurological condition'),
  t('rygmarvsskade', 'neurological condition', 'any'),
  t('migræne', 'neurological condition', 'any'),
  t('ALS', 'neurological condition', 'word', { caseSensitive: true }),
  // dementia
  t('demens', 'dementia', 'any'),
  t('dement', 'dementia', 'word'),
  t('dementia', 'dementia', 'any'),
  t('alzheimer', 'dementia', 'any'),
  // mental illness
  t('depressi', 'mental illness', 'any'),
  t('angst', 'mental illness', 'start'),
  t('anxiety', 'mental illness', 'any'),
  t('skizofren', 'mental illness', 'any'),
  t('schizophreni', 'mental illness', 'any'),
  t('psykose', 'mental illness', 'any'),
  t('psykotisk', 'mental illness', 'any'),
  t('psychosis', 'mental illness', 'any'),
  t('psychotic', 'mental illness', 'any'),
  t('bipolar', 'mental illness', 'any'),
  t('personlighedsforstyrrelse', 'mental illness', 'any'),
  t('personality disorder', 'mental illness'),
  t('spiseforstyrrelse', 'mental illness', 'any'),
  t('eating disorder', 'mental illness'),
  t('anoreksi', 'mental illness', 'any'),
  t('anorexia', 'mental illness', 'any'),
  t('bulimi', 'mental illness', 'any'),
  t('OCD', 'mental illness', 'word', { caseSensitive: true }),
  t('PTSD', 'mental illness', 'word'),
  t('psykisk syg', 'mental illness'),
  t('psykisk sygdom', 'mental illness'),
  t('psykisk lidelse', 'mental illness'),
  t('psykiatrisk', 'mental illness', 'start'),
  t('psychiatric', 'mental illness', 'start'),
  t('mental illness', 'mental illness'),
  t('selvmord', 'mental illness', 'any'),
  t('suicid', 'mental illness', 'start'),
  t('selvskade', 'mental illness', 'any'),
  t('self-harm', 'mental illness', 'any'),
  t('stress', 'mental illness', 'word'),
  t('stressramt', 'mental illness', 'any'),
  // developmental conditions
  t('ADHD', 'developmental condition', 'start'),
  t('autis', 'developmental condition', 'start'),
  t('asperger', 'developmental condition', 'any'),
  t('udviklingshæm', 'developmental condition', 'any'),
  t('downs syndrom', 'developmental condition'),
  t('down syndrome', 'developmental condition'),
  t('ordblind', 'developmental condition', 'any'),
  t('dysleksi', 'developmental condition', 'any'),
  t('dyslexia', 'developmental condition', 'any'),
  // chronic illness
  t('diabet', 'chronic illness', 'any'),
  t('sukkersyge', 'chronic illness', 'any'),
  t('KOL', 'chronic illness', 'word', { caseSensitive: true }),
  t('COPD', 'chronic illness', 'word'),
  t('astma', 'chronic illness', 'any'),
  t('asthma', 'chronic illness', 'any'),
  t('gigt', 'chronic illness', 'end'),
  t('nyresvigt', 'chronic illness', 'any'),
  t('dialyse', 'treatment', 'any'),
  t('dialysis', 'treatment', 'any'),
  t('cystisk fibrose', 'chronic illness'),
  t('cøliaki', 'chronic illness', 'any'),
  t('psoriasis', 'chronic illness', 'any'),
  t('allergi', 'chronic illness', 'start'),
  t('fedme', 'chronic illness', 'word'),
  t('inkontinen', 'chronic illness', 'any'),
  t('incontinen', 'chronic illness', 'any'),
  t('stomi', 'chronic illness', 'word'),
  // infection
  t('HIV', 'infection', 'start'),
  t('AIDS', 'infection', 'word', { caseSensitive: true }),
  t('hepatitis', 'infection', 'any'),
  t('tuberkulose', 'infection', 'any'),
  t('tuberculosis', 'infection', 'any'),
  // addiction
  t('misbrug', 'addiction', 'any'),
  t('alkoholi', 'addiction', 'start'),
  t('alcoholi', 'addiction', 'start'),
  t('narkoman', 'addiction', 'any'),
  t('ludoman', 'addiction', 'any'),
  t('afvænning', 'addiction', 'any'),
  t('abstinens', 'addiction', 'any'),
  t('addict', 'addiction', 'start'),
  t('substance abuse', 'addiction'),
  t('drug abuse', 'addiction'),
  // disability
  t('handicap', 'disability', 'any'),
  t('funktionsnedsættelse', 'disability', 'any'),
  t('kørestol', 'disability', 'any'),
  t('wheelchair', 'disability', 'any'),
  t('blind', 'disability', 'word'),
  t('døv', 'disability', 'word'),
  t('døvblind', 'disability', 'any'),
  t('deaf', 'disability', 'word'),
  t('hørehæmmet', 'disability', 'any'),
  t('lammelse', 'disability', 'any'),
  t('paralys', 'disability', 'start'),
  t('paralyz', 'disability', 'start'),
  t('spasti', 'disability', 'start'),
  t('amputer', 'disability', 'start'),
  t('amputee', 'disability', 'any'),
  t('disabilit', 'disability', 'any'),
  t('disabled person', 'disability'),
  // aids and care
  t('hjælpemid', 'aids and care', 'any'),
  t('rollator', 'aids and care', 'any'),
  t('høreapparat', 'aids and care', 'any'),
  t('plejehjem', 'aids and care', 'any'),
  t('nursing home', 'aids and care'),
  // abuse
  t('overgreb', 'abuse', 'any'),
  t('omsorgssvigt', 'abuse', 'any'),
  t('vold', 'abuse', 'word'),
  t('voldtægt', 'abuse', 'any'),
  t('incest', 'abuse', 'any'),
  t('mishandl', 'abuse', 'start'),
  t('sexual abuse', 'abuse'),
  t('child abuse', 'abuse'),
  t('abused', 'abuse', 'word'),
  // treatment
  t('genoptræning', 'treatment', 'any'),
  t('rehabilitation', 'treatment', 'any'),
  t('fysioterapi', 'treatment', 'any'),
  t('ergoterapi', 'treatment', 'any'),
  t('psykoterapi', 'treatment', 'any'),
  t('indlagt', 'treatment', 'word'),
  t('indlæggelse', 'treatment', 'any'),
  t('hospitalised', 'treatment', 'word'),
  t('hospitalized', 'treatment', 'word'),
  t('opereret', 'treatment', 'word'),
  t('patient', 'treatment', 'word'),
  // diagnosis and illness in general
  t('diagnos', 'diagnosis', 'any'),
  t('sygdom', 'illness', 'any'),
  t('lidelse', 'illness', 'end'),
  t('syndrom', 'illness', 'end'),
  t('syg', 'illness', 'word'),
  t('sygemeld', 'illness', 'start'),
  t('sygefravær', 'illness', 'any'),
  t('illness', 'illness', 'any'),
  t('disease', 'illness', 'any'),
  t('sick leave', 'illness'),
  // pregnancy
  t('gravid', 'pregnancy', 'start'),
  t('pregnan', 'pregnancy', 'start'),
  // Not "abort" alone: in English (and in code) it means to cancel.
  t('aborten', 'pregnancy', 'word'),
  t('abortere', 'pregnancy', 'start'),
  t('provokeret abort', 'pregnancy'),
  t('abortion', 'pregnancy', 'any'),
];

// A compound whose head names a service, a place, a profession or an organisation is about the
// service, not a person's health: "demenskoordinator", "kræftrådgivning", "misbrugscenter",
// "Diabetesforeningen", "genoptræningscenter", "Scleroseforeningen".
export const SERVICE_HEADS: readonly string[] = [
  'center', 'centre', 'afdeling', 'klinik', 'ambulatori', 'koordinator', 'konsulent', 'sygeplejerske',
  'læge', 'medarbejder', 'team', 'tilbud', 'indsats', 'område', 'politik', 'strategi', 'forening',
  'fond', 'selskab', 'rådgiv', 'vejled', 'kursus', 'kurser', 'forsk', 'netværk', 'gruppe', 'café',
  'cafe', 'linje', 'hotline', 'kampagne', 'uge', 'dag', 'hus', 'skole', 'institut', 'enhed', 'sektion',
  'udvalg', 'råd', 'afsnit', 'foundation', 'society', 'association', 'charity', 'research', 'unit', 'service',
];

// Capitalised words after a term that make it an organisation's name: "Kræftens Bekæmpelse",
// "Cancer Society", "Diabetes UK".
export const ORGANISATION_NAMES: readonly string[] = [
  'Bekæmpelse', 'Forening', 'Foreningen', 'Fond', 'Fonden', 'Society', 'Association', 'Foundation', 'Trust',
  'Research', 'UK', 'Danmark', 'Denmark', 'Center', 'Centre', 'Institute', 'Institut', 'Clinic', 'Klinik',
];
