// What a CPR number is: the date, century, substitute and modulus-11 facts.
// Sources: cpr.dk "Opbygning af CPR-nummeret", "Personnumre uden kontrolciffer
// (modulus 11 kontrol)" and "Erstatningspersonnummer"; see docs/rules/no-cpr-number.md.

/** 1 January birth dates on which numbers without modulus 11 have been issued (cpr.dk, not exhaustive). */
export const EXEMPT_YEARS: ReadonlySet<number> = new Set([
  1960, 1962, 1964, 1965, 1966, 1967, 1969, 1970, 1974, 1975, 1978, 1980, 1981, 1982, 1983, 1984,
  1985, 1986, 1987, 1988, 1989, 1990, 1991, 1992, 1994, 1995,
]);

const MOD11_WEIGHTS = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1] as const;

export interface BirthDate {
  year: number;
  month: number;
  day: number;
}

export interface CprAnalysis {
  /** The birth date the number encodes, or undefined when it encodes no real date. */
  birthDate: BirthDate | undefined;
  /** Day + 60: a substitute number (erstatningspersonnummer). */
  substitute: boolean;
  /** Weighted sum divisible by 11 (only for all-digit numbers). */
  mod11: boolean;
  /** 1 January of a year with numbers issued without modulus 11. */
  exemptDate: boolean;
}

/** The year a CPR number's YY and 7th digit encode (cpr.dk's century table). */
export function centuryYear(yy: number, seventh: number): number {
  if (seventh <= 3) return 1900 + yy;
  if (seventh === 4 || seventh === 9) return yy <= 36 ? 2000 + yy : 1900 + yy;
  return yy <= 57 ? 2000 + yy : 1800 + yy;
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= lengths[month - 1]!;
}

export function passesMod11(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += (digits.charCodeAt(i) - 48) * MOD11_WEIGHTS[i]!;
  return sum % 11 === 0;
}

/**
 * Reads DDMMYY and the 7th character of a candidate. `serial` is the four characters after the
 * date: four digits, or a digit, two capitals and a digit for the health sector's eCPR.
 * A date after `today` is no date at all: nobody is born in the future.
 */
export function analyseCpr(date: string, serial: string, today: Date): CprAnalysis {
  const dd = Number(date.slice(0, 2));
  const mm = Number(date.slice(2, 4));
  const yy = Number(date.slice(4, 6));
  const seventh = serial.charCodeAt(0) - 48;
  const substitute = dd > 60;
  const day = substitute ? dd - 60 : dd;
  const year = centuryYear(yy, seventh);
  const digits = date + serial;
  let birthDate: BirthDate | undefined;
  if (isRealDate(year, mm, day) && !isAfter({ year, month: mm, day }, today)) {
    birthDate = { year, month: mm, day };
  }
  return {
    birthDate,
    substitute,
    mod11: passesMod11(digits),
    exemptDate: !substitute && day === 1 && mm === 1 && EXEMPT_YEARS.has(year),
  };
}

function isAfter(date: BirthDate, today: Date): boolean {
  const y = today.getFullYear();
  const m = today.getMonth() + 1;
  const d = today.getDate();
  if (date.year !== y) return date.year > y;
  if (date.month !== m) return date.month > m;
  return date.day > d;
}

/**
 * The value with its serial hidden and the year hidden: `0101XX-XXXX`. Day and month are kept so
 * a person can tell several findings on one line apart, as OSdatascanner does.
 */
export function redactCpr(date: string): string {
  return `${date.slice(0, 4)}XX-XXXX`;
}
