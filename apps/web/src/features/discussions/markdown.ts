/**
 * Message text to HTML: light markdown (bold, italic, links, lists, code) through markdown-it with
 * raw HTML off, so `<script>` stays text. Only http(s), mailto and same-site links survive; links
 * into the platform (plans, library, pairings) are marked for in-app navigation, the rest open in a
 * new tab without an opener. The result still goes through DOMPurify before it reaches the DOM
 * (sanitize.ts): two independent layers.
 */
import MarkdownIt from 'markdown-it';
import { replaceMentions } from '@iuc/domain';

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
  // `@handle` in plain text (not in code) is marked, and marked as the reader's own when it is.
  md.renderer.rules.text = (tokens, idx, _options, env) => {
    const self = (env as Partial<RenderEnv> | undefined)?.selfHandle;
    return replaceMentions(md.utils.escapeHtml(tokens[idx].content), (written, handle) =>
      handle === self
        ? `<span data-mention="${handle}" data-self="">${written}</span>`
        : `<span data-mention="${handle}">${written}</span>`,
    );
  };
  return md;
}

interface RenderEnv {
  origin: string;
  /** The reader's mention handle, whose mentions stand out. */
  selfHandle?: string;
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
export function renderMarkdown(text: string, origin: string, selfHandle?: string): string {
  renderer ??= createRenderer();
  return renderer.render(text, { origin, selfHandle } satisfies RenderEnv);
}
