import { describe, expect, it } from 'vitest';
import { SegmentBuilder, sourceRange, textSegment } from '../src/core/segment.js';

describe('textSegment decodes character references and maps back to the source', () => {
  it.each([
    ['no reference: an identity slice', 'a 1 b', 'a 1 b', [4, 5]],
    ['named', 'a&nbsp;1', 'a\u00a01', [7, 8]],
    ['decimal', 'a&#8209;1', 'a\u20111', [8, 9]],
    ['hexadecimal', 'a&#x2013;1', 'a\u20131', [9, 10]],
    ['unknown name stays as it is', 'a&nope;1', 'a&nope;1', [7, 8]],
    ['a bare ampersand', 'a & 1', 'a & 1', [4, 5]],
    ['a JSON escape', 'a\\u20131', 'a\u20131', [7, 8]],
    ['a backslash that is no escape', 'a\\n1', 'a\\n1', [3, 4]],
  ])('%s', (_name, source, text, [start, end]) => {
    const segment = textSegment('text', source)!;
    expect(segment.text).toBe(text);
    expect(sourceRange(segment, text.length - 1, text.length)).toEqual({ start, end });
  });

  it('maps a decoded character to the whole reference or escape', () => {
    expect(sourceRange(textSegment('text', 'x&nbsp;y')!, 1, 2)).toEqual({ start: 1, end: 7 });
    expect(sourceRange(textSegment('text', 'x\\u00a0y')!, 1, 2)).toEqual({ start: 1, end: 7 });
  });
});

describe('SegmentBuilder aligns parsed text with its source', () => {
  it('skips markup the parser dropped', () => {
    const source = 'Nr **150385**-2000';
    const builder = new SegmentBuilder('text');
    builder.appendDecoded('Nr ', source, 0, 3);
    builder.appendDecoded('150385', source, 5, 11);
    builder.appendDecoded('-2000', source, 13, 18);
    const segment = builder.build()!;
    expect(segment.text).toBe('Nr 150385-2000');
    expect(sourceRange(segment, 3, 14)).toEqual({ start: 5, end: 18 });
  });

  it('skips a reference to a character a page renders as nothing, whole', () => {
    const source = 'Kræft&shy;syg og&ZeroWidthSpace;dom';
    const builder = new SegmentBuilder('text');
    builder.appendDecoded('Kræft\u00adsyg og\u200bdom', source, 0, source.length);
    const segment = builder.build()!;
    expect(segment.text).toBe('Kræftsyg ogdom');
    expect([...segment.text].map((_, index) => sourceRange(segment, index, index + 1).start)).toEqual([0, 1, 2, 3, 4, 10, 11, 12, 13, 14, 15, 32, 33, 34]);
  });

  it('skips escapes and container prefixes', () => {
    const source = '> a\\-b\n> c';
    const builder = new SegmentBuilder('text');
    builder.appendDecoded('a-b\nc', source, 2, 10);
    const segment = builder.build()!;
    expect([...segment.text].map((_, index) => sourceRange(segment, index, index + 1).start)).toEqual([2, 4, 5, 6, 9]);
  });

  it('places text a parser made up at the end of its node', () => {
    const builder = new SegmentBuilder('text');
    builder.appendDecoded('xyz', 'ab', 0, 2);
    const segment = builder.build()!;
    expect(sourceRange(segment, 0, 3)).toEqual({ start: 1, end: 2 });
  });

  it('builds nothing from nothing', () => {
    expect(new SegmentBuilder('text').build()).toBeUndefined();
  });
});
