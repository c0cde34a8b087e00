/** Sending keyboard focus to a part of the plan (from the contents and the submission check). */
import { planSectionAnchor, sectionFragmentName, type PlanSectionKey } from '@iuc/domain';
import { actionFieldId } from './actions/ActionCard';
import { editorId } from './editor/SectionEditor';

export const sectionId = planSectionAnchor;
export const sectionHeadingId = (key: PlanSectionKey) => `${sectionId(key)}-heading`;

function focus(element: HTMLElement | null): boolean {
  if (!element) return false;
  element.scrollIntoView({ block: 'center' });
  element.focus({ preventScroll: true });
  return document.activeElement === element;
}

/**
 * Into the section's text where it can be edited (for the action table: its first field, or the
 * button that adds one); else onto the section's heading.
 */
export function focusSection(key: PlanSectionKey): void {
  const target =
    key === 'actions'
      ? (document.querySelector<HTMLElement>(`#${sectionId(key)} input, #plan-add-action`) ?? null)
      : document.getElementById(editorId(sectionFragmentName(key)));
  if (target?.getAttribute('contenteditable') !== 'false' && focus(target)) return;
  focusSectionHeading(key);
}

/** Onto the section's heading (where a link to the section lands); false when it is not rendered. */
export function focusSectionHeading(key: PlanSectionKey): boolean {
  return focus(document.getElementById(sectionHeadingId(key)));
}

/** Onto one action's field (or its heading when the field cannot take focus). */
export function focusActionField(actionId: string, field: string): void {
  if (!focus(document.getElementById(actionFieldId(actionId, field)))) {
    focus(document.getElementById(actionFieldId(actionId, 'heading')));
  }
}

/** Onto one action's heading (where a link to the action lands); false when it is not rendered. */
export function focusAction(actionId: string): boolean {
  return focus(document.getElementById(actionFieldId(actionId, 'heading')));
}
