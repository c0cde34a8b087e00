// The file-processing child process (started by FileProcessor, file-processor.ts): reads one
// untrusted file, answers { text, pages, preview, error } over IPC, and exits. It runs with a heap
// limit and is killed by its parent after a time limit; whatever it does wrong stays in here.
// Plain JavaScript so that the same file runs from the sources (tests) and from the build.
import { Unreadable, capText, readHead } from './limits.mjs';
import { isOffice } from './office-types.mjs';

// Each reader is imported when a file needs it: pdf.js, officeparser and sharp together take
// about a second to load, which a CSV should not wait for.

/** Text formats read as they are, decoded as UTF-8. */
const PLAIN = /^text\/(plain|csv|markdown|tab-separated-values)$|^application\/(csv|json)$/;

async function processFile({ path, type, maxTextBytes, commandTimeoutMs }) {
  if (type === 'application/pdf') {
    const { processPdf } = await import('./pdf.mjs');
    return processPdf(path, maxTextBytes);
  }
  if (isOffice(type)) {
    const { processOffice } = await import('./office.mjs');
    return processOffice(path, type, {
      maxBytes: maxTextBytes,
      sofficeTimeoutMs: commandTimeoutMs,
    });
  }
  if (PLAIN.test(type)) {
    const head = await readHead(path, maxTextBytes);
    const text = new TextDecoder('utf-8').decode(head);
    return { text: capText(text, maxTextBytes), pages: null, preview: null };
  }
  if (type.startsWith('image/')) {
    const { imagePreview } = await import('./media.mjs');
    return { text: null, pages: null, preview: await imagePreview(path) };
  }
  if (type.startsWith('video/')) {
    const { videoPreview } = await import('./media.mjs');
    return { text: null, pages: null, preview: await videoPreview(path, commandTimeoutMs) };
  }
  // Audio and anything else: kept as it is, shown with an icon.
  return { text: null, pages: null, preview: null };
}

process.once('message', async (request) => {
  let reply;
  try {
    reply = { ...(await processFile(request)), error: null };
  } catch (err) {
    // Unexpected failures go to the log (the parent keeps stderr), not to the uploader.
    if (!(err instanceof Unreadable)) process.stderr.write(`${err?.stack ?? err}\n`);
    reply = {
      text: null,
      pages: null,
      preview: null,
      error: err instanceof Unreadable ? err.message : 'The file could not be processed.',
    };
  }
  process.send(reply, () => process.exit(0));
});
