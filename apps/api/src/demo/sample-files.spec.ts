import sharp from 'sharp';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { sampleDocx, samplePdf, samplePng } from './sample-files.js';

async function pdfText(bytes: Buffer): Promise<string[]> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
  }
  await pdf.destroy();
  return pages;
}

describe('demo sample files', () => {
  it('writes PDFs whose Chinese and Japanese text a reader extracts, one page per entry', async () => {
    const pages = await pdfText(
      await samplePdf(['电动公交线路', '弘前市の雪対策'], {
        heading: '净月区公共交通',
        language: 'zh',
      }),
    );
    expect(pages).toHaveLength(2);
    expect(pages[0]).toContain('净月区公共交通');
    expect(pages[0]).toContain('电动公交线路');
    expect(pages[1]).toContain('弘前市の雪対策');
  });

  it('writes a Word document (a zip with the text in word/document.xml)', async () => {
    const docx = await sampleDocx(['Criterion 1: recycled aggregates'], {
      title: 'Award criteria',
    });
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    expect(docx.length).toBeGreaterThan(1000);
  });

  it('draws a PNG image', async () => {
    const meta = await sharp(
      await samplePng({ width: 1200, height: 800, label: 'Bologna', colour: '#5b7f3a' }),
    ).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 1200, 800]);
  });
});
