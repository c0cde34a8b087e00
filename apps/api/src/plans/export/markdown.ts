/** The plan as Markdown, with a YAML front matter that names its language (`lang:`). */
import { ACTION_TABLE_SECTION, paragraphs, type PlanExportModel } from './export-model.js';

/** Characters Markdown would read as markup: emphasis, code, links, HTML, table cells. */
const escapeInline = (text: string) => text.replace(/([\\`*_[\]<>|])/g, '\\$1');

/** A paragraph: also what would open a heading, quote or list at the start of a line. */
const escapeLine = (line: string) =>
  escapeInline(line).replace(/^(\s*)([#>+-]|\d+[.)])(\s)/, '$1\\$2$3');

const cell = (text: string) => text.split('\n').map(escapeInline).join('<br>');

const yamlString = (value: string) => JSON.stringify(value);

function actionTable(model: PlanExportModel): string[] {
  if (!model.actionRows.length) return [`_${model.words.noActions}_`, ''];
  return [
    `| ${model.words.columns.join(' | ')} |`,
    `| ${model.words.columns.map(() => '---').join(' | ')} |`,
    ...model.actionRows.map((cells) => `| ${cells.map(cell).join(' | ')} |`),
    '',
  ];
}

export function renderMarkdown(model: PlanExportModel): string {
  const lines = [
    '---',
    `title: ${yamlString(model.title)}`,
    `lang: ${model.language}`,
    `authority: ${yamlString(model.authorityName)}`,
    `status: ${model.status}`,
    `date: ${model.generatedAt.toISOString()}`,
    '---',
    '',
    `# ${escapeInline(model.title)}`,
    '',
  ];
  for (const section of model.sections) {
    lines.push(`## ${escapeInline(section.heading)}`, '');
    const text = paragraphs(section.text);
    if (text.length) for (const p of text) lines.push(escapeLine(p), '');
    else if (section.key !== ACTION_TABLE_SECTION) lines.push(`_${model.words.notWritten}_`, '');
    if (section.key === ACTION_TABLE_SECTION) lines.push(...actionTable(model));
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
