// pdfjs without a canvas. cprlint ships pdfjs's two Node modules (copied into dist/vendor/pdfjs by
// scripts/vendor-pdfjs.js, Apache-2.0) and not the pdfjs-dist package, whose optional native canvas
// weighs 33 MB and is needed only to draw pages. Reading text needs none of it, but the module makes
// one DOMMatrix as it loads: an affine 2D matrix stands in, and pdfjs's warnings about the missing
// canvas are left unprinted.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PACKAGE_ROOT } from '../version.js';

type Matrix = [number, number, number, number, number, number];

/** DOMMatrix for 2D affine transforms: the part of it pdfjs touches when no page is drawn. */
class AffineMatrix {
  a = 1;
  b = 0;
  c = 0;
  d = 1;
  e = 0;
  f = 0;

  constructor(init?: ArrayLike<number> | AffineMatrix) {
    if (init instanceof AffineMatrix) this.set([init.a, init.b, init.c, init.d, init.e, init.f]);
    else if (init && init.length === 6) this.set(Array.from(init) as Matrix);
  }

  get is2D(): boolean {
    return true;
  }

  private set([a, b, c, d, e, f]: Matrix): this {
    Object.assign(this, { a, b, c, d, e, f });
    return this;
  }

  /** this × other. */
  multiplySelf(other: ArrayLike<number> | AffineMatrix): this {
    const o = new AffineMatrix(other);
    return this.set([
      this.a * o.a + this.c * o.b,
      this.b * o.a + this.d * o.b,
      this.a * o.c + this.c * o.d,
      this.b * o.c + this.d * o.d,
      this.a * o.e + this.c * o.f + this.e,
      this.b * o.e + this.d * o.f + this.f,
    ]);
  }

  /** other × this. */
  preMultiplySelf(other: ArrayLike<number> | AffineMatrix): this {
    const product = new AffineMatrix(other).multiplySelf(this);
    return this.set([product.a, product.b, product.c, product.d, product.e, product.f]);
  }

  translateSelf(x = 0, y = 0): this {
    return this.multiplySelf([1, 0, 0, 1, x, y]);
  }

  scaleSelf(x = 1, y = x): this {
    return this.multiplySelf([x, 0, 0, y, 0, 0]);
  }

  invertSelf(): this {
    const determinant = this.a * this.d - this.b * this.c;
    if (determinant === 0) return this.set([NaN, NaN, NaN, NaN, NaN, NaN]);
    return this.set([
      this.d / determinant,
      -this.b / determinant,
      -this.c / determinant,
      this.a / determinant,
      (this.c * this.f - this.d * this.e) / determinant,
      (this.b * this.e - this.a * this.f) / determinant,
    ]);
  }

  multiply(other: ArrayLike<number> | AffineMatrix): AffineMatrix {
    return new AffineMatrix(this).multiplySelf(other);
  }

  translate(x?: number, y?: number): AffineMatrix {
    return new AffineMatrix(this).translateSelf(x, y);
  }

  scale(x?: number, y?: number): AffineMatrix {
    return new AffineMatrix(this).scaleSelf(x, y);
  }

  inverse(): AffineMatrix {
    return new AffineMatrix(this).invertSelf();
  }
}

const CANVAS_WARNING = /^Warning: Cannot (?:load "@napi-rs\/canvas"|polyfill `(?:DOMMatrix|ImageData|Path2D)`)/;

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let loaded: Promise<Pdfjs> | undefined;

/**
 * pdfjs's module: the copy shipped in dist/vendor/pdfjs, or (in this repository before a build)
 * the pdfjs-dist package it is copied from.
 */
export function loadPdfjs(): Promise<Pdfjs> {
  loaded ??= (async () => {
    (globalThis as { DOMMatrix?: unknown }).DOMMatrix ??= AffineMatrix;
    const shipped = PACKAGE_ROOT && pathToFileURL(path.join(PACKAGE_ROOT, 'dist', 'vendor', 'pdfjs', 'pdf.mjs'));
    // pdfjs warns, as its modules load, that it has no canvas to draw with: nothing here draws.
    // Only those warnings are left unprinted, in the thread that reads PDFs.
    const warn = console.warn;
    console.warn = (...args: unknown[]) => {
      if (typeof args[0] === 'string' && CANVAS_WARNING.test(args[0])) return;
      warn(...args);
    };
    return shipped && existsSync(shipped) ? ((await import(shipped.href)) as Pdfjs) : await import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return loaded;
}

export { AffineMatrix };
