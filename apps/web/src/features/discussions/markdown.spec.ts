import { describe, expect, it } from '@jest/globals';
import { inAppPath, renderMarkdown } from './markdown';

const ORIGIN = 'https://iuc.example';
const render = (text: string) => renderMarkdown(text, ORIGIN);

describe('renderMarkdown', () => {
  it('renders bold, italic, lists, code and line breaks', () => {
    expect(render('**bold** and *it*')).toBe('<p><strong>bold</strong> and <em>it</em></p>\n');
    expect(render('- one\n- two')).toBe('<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n');
    expect(render('1. one\n2. two')).toContain('<ol>');
    expect(render('`x < y`')).toBe('<p><code>x &lt; y</code></p>\n');
    expect(render('a\nb')).toBe('<p>a<br>\nb</p>\n');
  });

  it("marks @mentions in text, the reader's own too, but not in code or e-mail addresses", () => {
    expect(renderMarkdown('Hi @Lucía.Ortega and @wang.li, mail a@b.org', ORIGIN, 'wang.li')).toBe(
      '<p>Hi <span data-mention="lucia.ortega">@Lucía.Ortega</span> and ' +
        '<span data-mention="wang.li" data-self="">@wang.li</span>, mail a@b.org</p>\n',
    );
    expect(render('`@lucia.ortega`')).toBe('<p><code>@lucia.ortega</code></p>\n');
    expect(render('@<b>x</b>')).not.toMatch(/<b>/);
  });

  it('never passes raw HTML through: tags stay text', () => {
    const html = render('<script>alert(1)</script> <img src=x onerror=alert(1)> <b>b</b>');
    expect(html).not.toMatch(/<script|<img|<b>/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('drops javascript:, data: and vbscript: links (the text stays, the link goes)', () => {
    for (const url of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      'data:text/html,x',
      'vbscript:x',
    ]) {
      const html = render(`[click](${url})`);
      expect(html).not.toMatch(/href/);
      expect(html).not.toMatch(/<a /);
    }
    expect(render('<javascript:alert(1)>')).not.toMatch(/<a /);
  });

  it('opens outside links in a new tab without an opener', () => {
    expect(render('see https://example.org/x')).toBe(
      '<p>see <a href="https://example.org/x" target="_blank" rel="noopener noreferrer">https://example.org/x</a></p>\n',
    );
    expect(render('[mail](mailto:a@b.test)')).toContain('href="mailto:a@b.test" target="_blank"');
  });

  it('keeps links to plan sections and library resources inside the app', () => {
    expect(render('[Vision](/plans/p1#section-vision)')).toBe(
      '<p><a href="/plans/p1#section-vision" data-app-link="">Vision</a></p>\n',
    );
    expect(render(`${ORIGIN}/library/r9`)).toContain('<a href="/library/r9" data-app-link="">');
    // Same path on another site, or a protocol-relative URL: an outside link (or none).
    expect(render('https://evil.test/plans/p1')).toContain('target="_blank"');
    expect(render('[x](//evil.test/plans/p1)')).not.toMatch(/<a /);
  });

  it('does not linkify bare words or e-mail-looking mentions', () => {
    expect(render('talk to @lucia.ortega about example.org')).not.toMatch(/<a /);
  });
});

describe('inAppPath', () => {
  it('answers the path of platform links only', () => {
    expect(inAppPath('/plans/p1?x=1#section-a', ORIGIN)).toBe('/plans/p1?x=1#section-a');
    expect(inAppPath(`${ORIGIN}/pairings/p2`, ORIGIN)).toBe('/pairings/p2');
    expect(inAppPath('/login', ORIGIN)).toBeNull();
    expect(inAppPath('https://other.test/plans/p1', ORIGIN)).toBeNull();
  });
});
