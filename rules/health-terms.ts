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
  | 'injury'
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

/** Terms that match as a part of a compound ('any'), one category. */
const parts = (category: HealthCategory, terms: readonly string[], extra: Partial<HealthTerm> = {}): HealthTerm[] =>
  terms.map((term) => t(term, category, 'any', extra));
/** Terms that match as whole words only ('word'), one category. */
const words = (category: HealthCategory, terms: readonly string[], extra: Partial<HealthTerm> = {}): HealthTerm[] =>
  terms.map((term) => t(term, category, 'word', extra));

// Groups follow the chapters of the WHO's ICD-10 (in Denmark part of the SKS classification kept
// by Sundhedsdatastyrelsen), the WHO's ATC groups for medicines, and the kinds of aid that
// municipalities grant; docs/rules/health-lexicon.md says which group comes from where.
export const HEALTH_TERMS: readonly HealthTerm[] = [
  // Neoplasms (ICD-10 chapter II) and their treatment.
  t('kræft', 'cancer', 'any', { except: ['kræfter'] }),
  ...parts('cancer', ['kræftsyg', 'cancer', 'tumor', 'tumour', 'svulst', 'leukæmi', 'leukemia', 'leukaemia', 'lymfom', 'lymphoma', 'metastase', 'metastasis', 'metastaser', 'melanom', 'melanoma', 'sarkom', 'sarcoma', 'myelomatose', 'carcinom', 'carcinoma', 'hjernetumor', 'modermærkekræft']),
  ...parts('treatment', ['kemoterapi', 'kemobehandling', 'chemotherapy', 'strålebehandling', 'stråleterapi', 'radiotherapy', 'cytostatika', 'immunterapi', 'immunotherapy']),
  t('kemo', 'treatment', 'word'),
  t('chemo', 'treatment', 'word'),
  // Diseases of the circulatory system (IX).
  ...parts('heart and circulation', ['blodprop', 'hjerneblødning', 'slagtilfælde', 'apopleksi', 'hjertestop', 'hjertesvigt', 'hjerteinfarkt', 'hjertesygdom', 'hjertelidelse', 'hjertekarsygdom', 'hjertekramper', 'atrieflimren', 'hypertension', 'åreforkalkning', 'blodpropper']),
  ...words('heart and circulation', ['stroke', 'strokes']),
  t('blood clot', 'heart and circulation'),
  t('heart attack', 'heart and circulation'),
  t('heart failure', 'heart and circulation'),
  t('heart disease', 'heart and circulation'),
  t('forhøjet blodtryk', 'heart and circulation'),
  t('high blood pressure', 'heart and circulation'),
  // Diseases of the nervous system (VI).
  ...parts('neurological condition', ['sclerose', 'sklerose', 'sclerosis', 'epilepsi', 'epileptiker', 'epileptisk', 'epilepsy', 'epileptic', 'parkinson', 'hjerneskade', 'hjerneskadet', 'rygmarvsskade', 'migræne', 'migraine', 'neuropati', 'neuropathy', 'muskelsvind', 'narkolepsi', 'narcolepsy', 'hjernerystelse', 'concussion', 'tourette', 'spasticitet']),
  t('multiple sclerosis', 'neurological condition'),
  t('cerebral parese', 'neurological condition'),
  t('cerebral palsy', 'neurological condition'),
  t('brain injury', 'neurological condition'),
  t('brain damage', 'neurological condition'),
  t('spina bifida', 'neurological condition'),
  t('ALS', 'neurological condition', 'word', { caseSensitive: true }),
  // Dementia (F00–F03 of chapter V, G30 of chapter VI).
  // "angioødemens" is the genitive of "angioødem".
  t('demens', 'dementia', 'any', { except: ['ødemens'] }),
  ...parts('dementia', ['demensramt', 'dementia', 'alzheimer']),
  t('dement', 'dementia', 'word'),
  // Mental and behavioural disorders (V).
  ...parts('mental illness', ['depression', 'depressiv', 'depressive', 'depressed', 'fødselsdepression', 'angstlidelse', 'anxiety', 'skizofreni', 'skizofren', 'schizophrenia', 'schizophrenic', 'psykotisk', 'psychosis', 'psychotic', 'bipolar', 'maniodepressiv', 'personlighedsforstyrrelse', 'spiseforstyrrelse', 'anoreksi', 'anorexia', 'bulimi', 'bulimia', 'selvmordsforsøg', 'suicidal', 'suicide', 'selvskade', 'selvskadende', 'self-harm', 'stressramt', 'tvangstanker', 'tvangshandlinger', 'psykiatrisk', 'psychiatric']),
  t('angst', 'mental illness', 'start'),
  ...parts('mental illness', ['dødsangst', 'separationsangst', 'præstationsangst', 'helbredsangst', 'socialfobi']),
  t('stress', 'mental illness', 'word'),
  // "psykoseksuel" is psycho-sexual; a mass psychosis is no one's diagnosis.
  t('psykose', 'mental illness', 'any', { except: ['psykoseksu', 'massepsykose'] }),
  // A suicide attack is terrorism, not anybody's mental health.
  t('selvmord', 'mental illness', 'any', { except: ['selvmordsbomb', 'selvmordsangreb', 'selvmordsattentat', 'selvmordsaktion'] }),
  t('OCD', 'mental illness', 'word', { caseSensitive: true }),
  t('PTSD', 'mental illness', 'word'),
  t('psykisk syg', 'mental illness'),
  t('psykisk sygdom', 'mental illness'),
  t('psykisk lidelse', 'mental illness'),
  t('psykiske lidelser', 'mental illness'),
  t('mental illness', 'mental illness'),
  t('personality disorder', 'mental illness'),
  t('eating disorder', 'mental illness'),
  // Developmental disorders (F70–F89, F90 of V; Q90 of XVII).
  ...parts('developmental condition', ['autisme', 'autist', 'autistisk', 'autism', 'autistic', 'asperger', 'udviklingshæmning', 'udviklingshæmmet', 'udviklingshæmmede', 'ordblind', 'ordblindhed', 'dysleksi', 'dyslexia', 'dyslektiker']),
  t('ADHD', 'developmental condition', 'any', { caseSensitive: true }),
  t('adhd', 'developmental condition', 'word'),
  t('downs syndrom', 'developmental condition'),
  t('down syndrome', 'developmental condition'),
  // Endocrine, respiratory, digestive, skin, musculoskeletal and genitourinary diseases (IV, X–XIV).
  ...parts('chronic illness', ['diabetes', 'diabetiker', 'diabetisk', 'diabetic', 'sukkersyge', 'astmatiker', 'asthma', 'asthmatic', 'leddegigt', 'slidgigt', 'gigtsygdom', 'arthritis', 'nyresvigt', 'kidney failure', 'cøliaki', 'psoriasis', 'inkontinens', 'inkontinent', 'incontinence', 'incontinent', 'osteoporose', 'knogleskørhed', 'osteoporosis', 'fibromyalgi', 'fibromyalgia', 'lungefibrose', 'emfysem', 'bronkitis', 'bronchitis', 'skrumpelever', 'cirrhosis', 'colitis', 'crohn', 'diskusprolaps', 'piskesmæld', 'tryksår', 'decubitus', 'allergi', 'allergiker', 'allergy', 'anæmi', 'anaemia', 'anemia', 'hæmofili', 'haemophilia', 'hemophilia', 'overvægtig', 'obesity', 'underernæring', 'underernæret', 'malnutrition']),
  t('gigt', 'chronic illness', 'end', { except: ['hængigt'] }),
  t('KOL', 'chronic illness', 'word', { caseSensitive: true }),
  t('COPD', 'chronic illness', 'word'),
  t('fedme', 'chronic illness', 'word'),
  t('eksem', 'chronic illness', 'word'),
  t('eczema', 'chronic illness', 'word'),
  t('cystisk fibrose', 'chronic illness'),
  t('cystic fibrosis', 'chronic illness'),
  t('pressure ulcer', 'chronic illness'),
  // Infections (I; J12–J18 of X).
  ...parts('infection', ['hepatitis', 'leverbetændelse', 'tuberkulose', 'tuberculosis', 'lungebetændelse', 'pneumoni', 'pneumonia', 'hjernehindebetændelse', 'meningitis', 'blodforgiftning', 'sepsis', 'klamydia', 'chlamydia', 'syfilis', 'syphilis', 'gonoré', 'gonorrhoea', 'gonorrhea', 'borreliose']),
  t('HIV', 'infection', 'any', { caseSensitive: true }),
  t('hiv', 'infection', 'word', { except: ['hive'] }),
  t('AIDS', 'infection', 'word', { caseSensitive: true }),
  t('MRSA', 'infection', 'any', { caseSensitive: true }),
  // Mental and behavioural disorders due to psychoactive substances (F10–F19), gambling (F63.0).
  // "magtmisbrug", "embedsmisbrug", "tillidsmisbrug": abuse of power, office, trust.
  t('misbrug', 'addiction', 'any', { except: ['magtmisbrug', 'embedsmisbrug', 'tillidsmisbrug'] }),
  ...parts('addiction', ['misbruger', 'alkoholisme', 'alkoholiker', 'alkoholisk', 'alcoholism', 'alcoholic', 'stiknarkoman', 'stofmisbrug', 'ludoman', 'ludomani', 'afvænning', 'abstinens', 'abstinenser', 'addiction', 'addicted', 'overdosis', 'overdose', 'delirium']),
  t('addict', 'addiction', 'word'),
  // "arbejdsnarkoman" (workaholic) and "tv-narkoman" are no addicts: at the start of a word only.
  t('narkoman', 'addiction', 'start'),
  t('astma', 'chronic illness', 'any', { except: ['toastma'] }),
  t('substance abuse', 'addiction'),
  t('drug abuse', 'addiction'),
  // Disability: impairments of body, sight and hearing (VII, VIII), and the words for them.
  ...parts('disability', ['handicap', 'handicappet', 'funktionsnedsættelse', 'funktionsnedsat', 'døvblind', 'hørehæmmet', 'høretab', 'svagsynet', 'svagtseende', 'synshandicap', 'døvhed', 'paralyse', 'paralyseret', 'paralysis', 'paralysed', 'paralyzed', 'spastisk', 'spastiker', 'amputation', 'amputere', 'amputeret', 'amputee', 'amputated', 'disability', 'disabilities', 'wheelchair', 'blindness', 'deafness', 'hearing loss']),
  // Blindness and paralysis of a home, of privilege or of action are no disability.
  t('blindhed', 'disability', 'any', { except: ['hjemmeblind', 'privilegieblind'] }),
  t('lammelse', 'disability', 'any', { except: ['handlingslam'] }),
  ...words('disability', ['blind', 'døv', 'deaf']),
  t('grå stær', 'disability'),
  t('grøn stær', 'disability'),
  t('disabled person', 'disability'),
  t('disabled people', 'disability'),
  // Aids (hjælpemidler) and care.
  ...parts('aids and care', ['hjælpemiddel', 'hjælpemidler', 'hjælpemidlet', 'kørestol', 'rollator', 'gangstativ', 'krykke', 'krykker', 'crutches', 'høreapparat', 'stomi', 'stomipose', 'kateter', 'catheter', 'protese', 'prosthesis', 'personløfter', 'plejeseng', 'hospitalsseng', 'badestol', 'toiletstol', 'bækkenstol', 'insulinpumpe', 'iltapparat', 'iltbehandling', 'sondemad', 'sondeernæring', 'plejebolig', 'pacemaker', 'colostomy', 'ileostomy']),
  t('stoma', 'aids and care', 'word'),
  // "dagplejehjem" is a childminder's home (dagpleje + hjem).
  t('plejehjem', 'aids and care', 'any', { except: ['dagplejehjem'] }),
  t('nursing home', 'aids and care'),
  t('hearing aid', 'aids and care'),
  t('hearing aids', 'aids and care'),
  // Medicines, by ATC group (A10, N02A, N03A, N05A, N05B, N06A, N06B, N07B, L01, J01, J05).
  ...parts('treatment', ['insulin', 'metformin', 'antidepressiva', 'antidepressivum', 'antidepressant', 'antidepressants', 'lykkepiller', 'antipsykotika', 'antipsykotisk', 'antipsychotic', 'antipsychotics', 'metadon', 'methadon', 'methadone', 'buprenorfin', 'buprenorphin', 'buprenorphine', 'antabus', 'disulfiram', 'morfin', 'morphine', 'oxycodon', 'oxycodone', 'fentanyl', 'tramadol', 'kodein', 'codeine', 'opioider', 'benzodiazepin', 'benzodiazepine', 'methylphenidat', 'methylphenidate', 'ritalin', 'antiepileptika', 'antiepileptic', 'antibiotika', 'antibiotikum', 'antibiotics', 'antiretroviral', 'sovemedicin', 'sovepiller', 'nervemedicin', 'smertestillende', 'painkillers']),
  t('opioid', 'treatment', 'any', { except: ['copioid'] }),
  // Procedures and care episodes.
  ...parts('treatment', ['dialyse', 'dialysis', 'genoptræning', 'rehabilitation', 'fysioterapi', 'ergoterapi', 'psykoterapi', 'indlæggelse', 'transplantation', 'organtransplantation', 'bypassoperation', 'kejsersnit', 'tvangsindlæggelse', 'tvangsindlagt', 'tvangsbehandling', 'tvangsfiksering', 'bæltefiksering', 'elektrochok']),
  ...words('treatment', ['indlagt', 'hospitalised', 'hospitalized', 'opereret', 'patient', 'patienten', 'patienter', 'patienterne', 'patients']),
  // Injuries (XIX) and operations on a body part: "hoftebrud", "brækkede hoften", "knæoperation".
  ...parts('injury', ['hoftebrud', 'lårbensbrud', 'knoglebrud', 'benbrud', 'armbrud', 'håndledsbrud', 'ankelbrud', 'fraktur', 'fracture', 'rygskade', 'whiplash', 'kraniebrud']),
  ...parts('injury', ['brækkede hoften', 'brækkede benet', 'brækkede armen', 'brækkede håndleddet', 'brækkede lårbenet', 'brækkede ryggen', 'brækkede nakken', 'brækkede anklen', 'brækkede skulderen', 'brækket hoften', 'brækket benet', 'brækket armen', 'brækket håndleddet', 'brækket lårbenet', 'brækket ryggen', 'brækket nakken', 'brækket anklen', 'brækket skulderen', 'brækker hoften', 'brækker benet', 'brækker armen', 'brækker håndleddet', 'brækker lårbenet', 'brækker ryggen', 'brækker nakken', 'brækker anklen', 'brækker skulderen']),
  ...parts('disability', ['lam i begge ben', 'lam i benene', 'lam i armen', 'lam i den ene side', 'lam fra livet']),
  // Medicines as a municipality handles them, and dental care.
  ...parts('treatment', ['dosisrulle', 'dosisdispensering', 'dosispakket', 'medicinhåndtering', 'medicingivning', 'medicindispenser', 'øjendråber', 'insulinpen', 'tandbehandling', 'tandproteser', 'tandprotese']),
  ...parts('treatment', ['knæoperation', 'hofteoperation', 'hjerteoperation', 'rygoperation', 'kræftoperation', 'hofteprotese', 'knæprotese', 'knæopereret', 'hofteopereret', 'rygopereret', 'smertebehandling', 'kroniske smerter', 'kronisk smerte', 'medicintilskud', 'kronikertilskud', 'palliativ', 'palliative', 'hospice']),
  // Abuse and neglect (T74 of XIX).
  ...parts('abuse', ['overgreb', 'omsorgssvigt', 'omsorgssvigtet', 'voldtægt', 'voldtaget', 'incest', 'mishandlet', 'partnervold', 'voldsramt', 'voldsoffer', 'seksuelt misbrug', 'child abuse', 'sexual abuse', 'domestic violence']),
  // Cruelty to animals is no one's health.
  t('mishandling', 'abuse', 'any', { except: ['dyremishandl'] }),
  ...words('abuse', ['vold', 'abused', 'mishandle']),
  // Diagnosis and illness in general.
  ...parts('diagnosis', ['diagnose', 'diagnosticere', 'diagnosticeret', 'diagnosis', 'diagnoses', 'diagnosed']),
  // Diseases of cattle and plants; the "China syndrome" of a reactor.
  t('sygdom', 'illness', 'any', { except: ['kvægsygdom', 'plantesygdom'] }),
  ...parts('illness', ['syndrome', 'sygemelding', 'sygemeldt', 'sygefravær', 'illness', 'disease', 'sick leave', 'kronisk syg', 'uhelbredeligt syg', 'terminalpatient']),
  t('lidelse', 'illness', 'end'),
  t('syndrom', 'illness', 'end', { except: ['kinasyndrom'] }),
  t('syg', 'illness', 'word'),
  t('syge', 'illness', 'word'),
  t('sygemeldte', 'illness', 'word'),
  // Pregnancy, childbirth and the puerperium (XV).
  ...parts('pregnancy', ['gravid', 'graviditet', 'pregnancy', 'pregnant', 'abortion', 'provokeret abort', 'abortere', 'aborteret', 'spontan abort', 'fertilitetsbehandling', 'barnløshed']),
  t('aborten', 'pregnancy', 'word'),
  t('IVF', 'pregnancy', 'word', { caseSensitive: true }),
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
  'bus', 'kørsel', 'central', 'forbund', 'boliger',
];

// Capitalised words after a term that make it an organisation's name: "Kræftens Bekæmpelse",
// "Cancer Society", "Diabetes UK".
export const ORGANISATION_NAMES: readonly string[] = [
  'Bekæmpelse', 'Forening', 'Foreningen', 'Fond', 'Fonden', 'Society', 'Association', 'Foundation', 'Trust',
  'Research', 'UK', 'Danmark', 'Denmark', 'Center', 'Centre', 'Institute', 'Institut', 'Clinic', 'Klinik',
];
