/**
 * Message text to HTML: light markdown (bold, italic, links, lists, code) through markdown-it with
 * raw HTML off, so `<script>` stays text. Only http(s), mailto and same-site links survive; links
 * into the platform (plans, library, pairings) are marked for in-app navigation, the rest open in a
 * new tab without an opener. The result still goes through DOMPurify before it reaches the DOM
 * (sanitize.ts): two independent layers.
 */
import MarkdownIt from 'markdown-it';

type Renderer = ReturnType<typeof MarkdownIt>;

/** Platform paths that open inside the app rather than in a new tab. */
const IN_APP = /^\/(plans|library|pairings)(\/|$)/;
const SAFE_URL = /^(https?:\/\/|mailto:|\/(?!\/))/i;

function createRenderer(): Renderer {
  const md = new MarkdownIt('zero', { html: false, linkify: true, breaks: true });
  md.enable([
    'emphasis',
    'link',
    'linkify',
    'list',
    'backticks',
    'fence',
    'newline',
    'escape',
    'entity',
    'autolink',
  ]);
  md.validateLink = (url) => SAFE_URL.test(url.trim());
  md.linkify.set({ fuzzyLink: false, fuzzyEmail: false });
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    const token = tokens[idx];
    const path = inAppPath(
      String(token.attrGet('href') ?? ''),
      String((env as Partial<RenderEnv> | undefined)?.origin ?? ''),
    );
    if (path !== null) {
      token.attrSet('href', path);
      token.attrSet('data-app-link', '');
    } else {
      token.attrSet('target', '_blank');
      token.attrSet('rel', 'noopener noreferrer');
    }
    return self.renderToken(tokens, idx, options);
  };
  return md;
}

interface RenderEnv {
  origin: string;
}

/** The in-app path of a link to this platform (relative, or absolute on our origin), else null. */
export function inAppPath(href: string, origin: string): string | null {
  let url: URL;
  try {
    url = new URL(href, origin);
  } catch {
    return null;
  }
  if (url.origin !== origin || !IN_APP.test(url.pathname)) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

let renderer: Renderer | null = null;

/** Unsanitised markdown-it output: use `messageHtml` (sanitize.ts) for anything shown. */
export function renderMarkdown(text: string, origin: string): string {
  renderer ??= createRenderer();
  return renderer.render(text, { origin } satisfies RenderEnv);
}
