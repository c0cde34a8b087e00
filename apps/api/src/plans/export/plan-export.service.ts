import { Injectable } from '@nestjs/common';
import type { PlanExportFormat } from '@iuc/domain';
import type { Actor } from '../../access/actor.js';
import { DirectoryService } from '../../directory/directory.service.js';
import { PlanDocuments } from '../documents/plan-documents.js';
import { PlanPolicy } from '../plan.policy.js';
import { renderDocx } from './docx.js';
import {
  contentDisposition,
  exportFileNames,
  exportModel,
  type PlanExportModel,
} from './export-model.js';
import { renderMarkdown } from './markdown.js';
import { renderPdf } from './pdf.js';

export interface ExportedFile {
  body: Buffer;
  contentType: string;
  contentDisposition: string;
}

const FORMATS: Record<
  PlanExportFormat,
  { contentType: string; render: (model: PlanExportModel) => Promise<Buffer> }
> = {
  md: {
    contentType: 'text/markdown; charset=utf-8',
    render: async (m) => Buffer.from(renderMarkdown(m), 'utf8'),
  },
  docx: {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    render: renderDocx,
  },
  pdf: { contentType: 'application/pdf', render: renderPdf },
};

/** The plan's current content as a file, for anyone who may read the plan. */
@Injectable()
export class PlanExportService {
  constructor(
    private readonly policy: PlanPolicy,
    private readonly documents: PlanDocuments,
    private readonly directory: DirectoryService,
  ) {}

  async export(actor: Actor, planId: string, format: PlanExportFormat): Promise<ExportedFile> {
    const { plan } = await this.policy.open(actor, planId);
    const [authorities, content] = await Promise.all([
      this.directory.authoritiesByIds([plan.authorityId]),
      this.documents.content(plan.id),
    ]);
    const model = exportModel(plan, authorities.get(plan.authorityId)?.name ?? '', content);
    const { contentType, render } = FORMATS[format];
    return {
      body: await render(model),
      contentType,
      contentDisposition: contentDisposition(exportFileNames(model.title, plan.id, format)),
    };
  }
}
