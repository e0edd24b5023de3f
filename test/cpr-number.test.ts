import { describe, expect, it } from 'vitest';
import { analyseCpr, centuryYear, EXEMPT_YEARS, passesMod11, redactCpr } from '../rules/cpr-number.js';

describe('centuryYear: the 7th digit and YY give the year (cpr.dk)', () => {
  it.each([
    // 7th digit, YY, year
    [0, 0, 1900], [3, 99, 1999], [2, 36, 1936],
    [4, 0, 2000], [4, 36, 2036], [4, 37, 1937], [4, 99, 1999],
    [9, 36, 2036], [9, 37, 1937],
    [5, 0, 2000], [8, 57, 2057], [5, 58, 1858], [8, 99, 1899],
  ])('7th digit %i, YY %i: %i', (seventh, yy, year) => {
    expect(centuryYear(yy, seventh)).toBe(year);
  });
});

describe('modulus 11 (weights 4,3,2,7,6,5,4,3,2,1)', () => {
  it.each([
    ['1503852000', true],
    ['1503852001', false],
    ['1111111118', true],
    ['2512489996', false],
    ['150385200', false],
    ['150385200X', false],
  ])('%s: %s', (digits, expected) => {
    expect(passesMod11(digits)).toBe(expected);
  });
});

describe('analyseCpr', () => {
  const today = new Date(2026, 10, 22);
  it.each([
    ['150385', '2000', { birthDate: { year: 1985, month: 3, day: 15 }, substitute: false, mod11: true, exemptDate: false }],
    ['610190', '0000', { birthDate: { year: 1990, month: 1, day: 1 }, substitute: true, mod11: true, exemptDate: false }],
    ['010165', '1000', { birthDate: { year: 1965, month: 1, day: 1 }, substitute: false, mod11: false, exemptDate: true }],
    ['010163', '1000', { birthDate: { year: 1963, month: 1, day: 1 }, substitute: false, mod11: false, exemptDate: false }],
    ['231126', '4004', { birthDate: undefined, substitute: false, mod11: true, exemptDate: false }],
  ])('%s-%s', (date, serial, expected) => {
    expect(analyseCpr(date, serial, today)).toEqual(expected);
  });

  it('knows the 26 published exempt years', () => {
    expect(EXEMPT_YEARS.size).toBe(26);
  });
});

describe('redactCpr', () => {
  it('keeps day and month only', () => {
    expect(redactCpr('150385')).toBe('1503XX-XXXX');
  });
});
