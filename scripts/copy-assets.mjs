// Copies non-TypeScript assets (e.g. the seed CSV) from a source tree into its build output.
// Usage: node scripts/copy-assets.mjs <from> <to> <ext> [<ext> ...]
import { cpSync, readdirSync, statSync, mkdirSync } from 'node:fs';
import path from 'node:path';

const [from, to, ...exts] = process.argv.slice(2);
function walk(dir) {
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) walk(file);
    else if (exts.some((e) => name.endsWith(`.${e}`))) {
      const target = path.join(to, path.relative(from, file));
      mkdirSync(path.dirname(target), { recursive: true });
      cpSync(file, target);
    }
  }
}
walk(from);
