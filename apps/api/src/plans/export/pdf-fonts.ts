/**
 * Fonts for PDF export that cover every language of the programme, Chinese and Japanese included.
 * Noto Sans SC (regular and bold, from the `noto-sans-sc` package: Google Fonts' static instances
 * cut into ~100 WOFF2 slices by Unicode range, 2.5 MB a weight) covers Latin, Cyrillic, kana and
 * Chinese; Noto Sans (`@fontsource-variable/noto-sans`, regular) fills in Greek and the Latin
 * letters the SC slices lack (e.g. Czech Ř). A text is cut into runs, each with a slice that has
 * its glyphs; pdfkit then embeds only the glyphs used.
 *
 * pdfkit's font engine (fontkit) cannot subset WOFF2 glyph tables, so slices are unpacked to
 * TrueType first (wawoff2). Unpacked slices are kept for the life of the process (a few MB).
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { decompress } from 'wawoff2';

export type FontWeight = 'regular' | 'bold';

/** A piece of text and the font (a registered name) it is drawn with. */
export interface TextRun {
  font: string;
  text: string;
}

interface Face {
  /** Unique name, also the name the font is registered under in a PDF document. */
  name: string;
  file: string;
  /** Code point ranges the face declares; null: unknown, check the glyphs. */
  ranges: [number, number][] | null;
}

export interface LoadedFace {
  name: string;
  /** TrueType bytes for pdfkit. */
  bytes: Buffer;
  font: fontkit.Font;
}

const require = createRequire(import.meta.url);

function scFaces(weight: FontWeight): Face[] {
  const dir = path.join(
    path.dirname(require.resolve('noto-sans-sc/package.json')),
    `noto_sans_sc_${weight}`,
  );
  const css = readFileSync(path.join(dir, 'css.css'), 'utf8');
  return [...css.matchAll(/src:\s*url\(([^)]+)\)[^;]*;\s*unicode-range:\s*([^;]+);/g)].map((m) => ({
    name: `sc-${weight}-${m[1]}`,
    file: path.join(dir, m[1]),
    ranges: m[2].split(',').map((part) => {
      const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
      return [parseInt(from, 16), parseInt(to ?? from, 16)] as [number, number];
    }),
  }));
}

const FALLBACK_SUBSETS = [
  'latin',
  'latin-ext',
  'greek',
  'greek-ext',
  'cyrillic',
  'cyrillic-ext',
  'vietnamese',
];

function fallbackFaces(): Face[] {
  return FALLBACK_SUBSETS.map((subset) => ({
    name: `sans-${subset}`,
    file: require.resolve(
      `@fontsource-variable/noto-sans/files/noto-sans-${subset}-wght-normal.woff2`,
    ),
    // The variable font's default instance is the regular weight, which is what pdfkit draws.
    ranges: null,
  }));
}

export class PdfFontLibrary {
  private readonly faces: Record<FontWeight, Face[]>;
  private readonly loaded = new Map<string, Promise<LoadedFace>>();
  private readonly chosen = new Map<string, LoadedFace | null>();

  constructor() {
    const fallback = fallbackFaces();
    this.faces = {
      regular: [...scFaces('regular'), ...fallback],
      bold: [...scFaces('bold'), ...fallback],
    };
  }

  /** Cuts `text` into runs of one face each; characters no face has stay in the run before them. */
  async runs(text: string, weight: FontWeight): Promise<{ runs: TextRun[]; faces: LoadedFace[] }> {
    const runs: TextRun[] = [];
    const faces = new Map<string, LoadedFace>();
    let current: LoadedFace | null = null;
    for (const char of text) {
      const codePoint = char.codePointAt(0)!;
      // Line breaks and spaces stay in the current run (when its face has them): fewer font switches.
      const keep =
        current !== null &&
        (codePoint < 0x20 || (/\s/.test(char) && current.font.hasGlyphForCodePoint(codePoint)));
      const face: LoadedFace = keep
        ? current!
        : ((await this.faceFor(codePoint, weight)) ?? current ?? (await this.basicFace(weight)));
      current = face;
      faces.set(face.name, face);
      const last = runs[runs.length - 1];
      if (last && last.font === face.name) last.text += char;
      else runs.push({ font: face.name, text: char });
    }
    return { runs, faces: [...faces.values()] };
  }

  /** The face of plain Latin text, for characters no face has. */
  private async basicFace(weight: FontWeight): Promise<LoadedFace> {
    const face = await this.faceFor(0x61, weight);
    if (!face) throw new Error('PDF fonts: no face has the letter a');
    return face;
  }

  private async faceFor(codePoint: number, weight: FontWeight): Promise<LoadedFace | null> {
    const key = `${weight}:${codePoint}`;
    if (this.chosen.has(key)) return this.chosen.get(key)!;
    let found: LoadedFace | null = null;
    for (const face of this.faces[weight]) {
      if (face.ranges && !face.ranges.some(([from, to]) => codePoint >= from && codePoint <= to))
        continue;
      const loaded = await this.load(face);
      if (loaded.font.hasGlyphForCodePoint(codePoint)) {
        found = loaded;
        break;
      }
    }
    this.chosen.set(key, found);
    return found;
  }

  private load(face: Face): Promise<LoadedFace> {
    let loading = this.loaded.get(face.name);
    if (!loading) {
      loading = (async () => {
        // decompress answers a view into the WebAssembly heap: copy it before the next call.
        const bytes = Buffer.from(await decompress(await readFile(face.file)));
        return { name: face.name, bytes, font: fontkit.create(bytes) as fontkit.Font };
      })();
      loading.catch(() => this.loaded.delete(face.name));
      this.loaded.set(face.name, loading);
    }
    return loading;
  }
}

let library: PdfFontLibrary | null = null;

/** One library per process: faces are parsed and unpacked once. */
export function pdfFontLibrary(): PdfFontLibrary {
  library ??= new PdfFontLibrary();
  return library;
}
