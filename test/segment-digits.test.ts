import { describe, expect, it } from 'vitest';
import { countDigits, OTHER_DIGIT_ZEROS, withAsciiDigits } from '../src/core/segment.js';

describe("other scripts' digits", () => {
  it('are every digit (\\p{Nd}) of the Basic Multilingual Plane beyond ASCII, each read as its value', () => {
    const isDigit = /\p{Nd}/u;
    const wrong: string[] = [];
    let run = 0;
    for (let code = 0x80; code <= 0xffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const character = String.fromCharCode(code);
      const digit = isDigit.test(character);
      run = digit ? run + 1 : 0;
      const expected = digit ? String((run - 1) % 10) : character;
      if (withAsciiDigits(character) !== expected) wrong.push(code.toString(16));
    }
    expect(wrong).toEqual([]);
    expect(OTHER_DIGIT_ZEROS).toHaveLength(36);
  });

  it('are counted as digits, and leave text without them as it is', () => {
    expect(countDigits('１５０３８５-٢٠٠٠', 20)).toBe(10);
    expect(countDigits('１５０３８５-٢٠٠٠', 8)).toBe(8);
    expect(countDigits('Ansøger “Jens” – æøå ￿', 1)).toBe(0);
    const text = 'Ansøger “Jens” – æøå 150385';
    expect(withAsciiDigits(text)).toBe(text);
  });
});
