import { describe, expect, it } from 'vitest';
import { AffineMatrix } from '../src/documents/pdf-runtime.js';

// The DOMMatrix that stands in when no canvas is installed: 2D affine maths, as DOMMatrix does it.
describe('the DOMMatrix stand-in', () => {
  const values = (matrix: AffineMatrix) => [matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f];

  it('starts as the identity, or as the six numbers given', () => {
    expect(values(new AffineMatrix())).toEqual([1, 0, 0, 1, 0, 0]);
    expect(values(new AffineMatrix([2, 0, 0, 3, 4, 5]))).toEqual([2, 0, 0, 3, 4, 5]);
  });

  it('multiplies, translates, scales and inverts as DOMMatrix does', () => {
    // Scale by 2, then translate by (3, 4) in the scaled space: x' = 2x + 6, y' = 2y + 8.
    expect(values(new AffineMatrix().scale(2).translate(3, 4))).toEqual([2, 0, 0, 2, 6, 8]);
    // preMultiplySelf puts the other matrix first: translate, then scale.
    expect(values(new AffineMatrix([2, 0, 0, 2, 0, 0]).preMultiplySelf([1, 0, 0, 1, 3, 4]))).toEqual([2, 0, 0, 2, 3, 4]);
    const m = new AffineMatrix([1, 2, 3, 4, 5, 6]);
    expect(values(m.multiply(m.inverse())).map((value) => Math.round(value * 1e9) / 1e9)).toEqual([1, 0, 0, 1, 0, 0]);
    expect(values(new AffineMatrix([0, 0, 0, 0, 1, 1]).invertSelf()).every(Number.isNaN)).toBe(true);
    // The methods without "Self" leave the matrix as it was.
    expect(values(m)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
