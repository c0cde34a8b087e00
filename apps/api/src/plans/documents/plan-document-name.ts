import { isUuid } from '../../common/ids.js';

/** The plan a co-edited document belongs to (its name is planDocumentName(planId)); null for other documents. */
export function planIdOfDocument(docName: string): string | null {
  const planId = docName.startsWith('plan.') ? docName.slice('plan.'.length) : null;
  return planId !== null && isUuid(planId) ? planId : null;
}
