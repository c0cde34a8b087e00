import { FILE_NAME_MAX, extensionOf, sanitizeFileName } from './file-name.js';

describe('sanitizeFileName', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\windows\\system32\\cmd.exe', 'cmd.exe'],
    ['C:\\Users\\ana\\Report 2025.pdf', 'Report 2025.pdf'],
    ['報告書.pdf', '報告書.pdf'],
    ['Informe técnico – Bologna.docx', 'Informe técnico – Bologna.docx'],
    ['evil\u202Efdp.exe', 'evilfdp.exe'],
    ['a\u0000b\u0007c\n.txt', 'abc.txt'],
    ['.htaccess', 'htaccess'],
    ['..', 'file'],
    ['', 'file'],
    ['what?<now>|.pdf', 'what__now__.pdf'],
  ])('%j becomes %j', (raw, expected) => {
    expect(sanitizeFileName(raw)).toBe(expected);
  });

  it('bounds the length and keeps the extension', () => {
    const name = sanitizeFileName(`${'長'.repeat(500)}.pdf`);
    expect([...name].length).toBe(FILE_NAME_MAX);
    expect(name.endsWith('.pdf')).toBe(true);
  });

  it('reads extensions in lower case, none for dotfiles', () => {
    expect(extensionOf('Map.SVG')).toBe('svg');
    expect(extensionOf('README')).toBe('');
    expect(extensionOf('.env')).toBe('');
  });
});
