/** The plan as a Word document: title, a heading per section, the action table as a table. */
import {
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { ACTION_TABLE_SECTION, paragraphs, type PlanExportModel } from './export-model.js';

const EAST_ASIAN = /^(zh|ja|ko)\b/i;

const textParagraphs = (text: string, options: { bold?: boolean } = {}) =>
  text
    .split('\n')
    .map((line) => new Paragraph({ children: [new TextRun({ text: line, bold: options.bold })] }));

function actionTable(model: PlanExportModel): Table {
  const row = (cells: readonly string[], header: boolean) =>
    new TableRow({
      tableHeader: header,
      children: cells.map(
        (text) => new TableCell({ children: textParagraphs(text, { bold: header }) }),
      ),
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [row(model.words.columns, true), ...model.actionRows.map((cells) => row(cells, false))],
  });
}

export function renderDocx(model: PlanExportModel): Promise<Buffer> {
  const body: (Paragraph | Table)[] = [
    new Paragraph({ text: model.title, heading: HeadingLevel.TITLE }),
  ];
  body.push(
    new Paragraph({
      children: [
        new TextRun({
          text: `${model.authorityName} · ${model.words.status}`,
          italics: true,
        }),
      ],
    }),
  );
  for (const section of model.sections) {
    body.push(new Paragraph({ text: section.heading, heading: HeadingLevel.HEADING_1 }));
    const text = paragraphs(section.text);
    body.push(...text.map((p) => new Paragraph({ text: p })));
    if (section.key === ACTION_TABLE_SECTION) {
      body.push(
        model.actionRows.length
          ? actionTable(model)
          : new Paragraph({
              children: [new TextRun({ text: model.words.noActions, italics: true })],
            }),
      );
    } else if (!text.length)
      body.push(
        new Paragraph({ children: [new TextRun({ text: model.words.notWritten, italics: true })] }),
      );
  }
  const doc = new Document({
    title: model.title,
    creator: 'IUC Knowledge Platform',
    // The document's language: Word uses it for proofing, screen readers for pronunciation.
    styles: {
      default: {
        document: {
          run: {
            language: {
              value: model.language,
              ...(EAST_ASIAN.test(model.language) ? { eastAsia: model.language } : {}),
            },
          },
        },
      },
    },
    sections: [{ children: body }],
  });
  return Packer.toBuffer(doc);
}
