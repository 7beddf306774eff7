/**
 * What the planner's map tools do when a drawing is finished: the step of `planEdits.ts` is
 * committed (one undoable step), the new or moved facility selected, and the tool goes back to
 * 选择 (place or move one thing at a time); a drawing that cannot be used leaves a notice.
 */

import { FACILITY_KIND_TEXT } from "../../i18n/planner";
import type { DrawnGeometry } from "../../map/api";
import { selectPlanFacilities } from "../../state/planner";
import type { AppStore } from "../../state/store";
import type { PlannerToolId } from "../../state/types";
import { drawnStep } from "./planEdits";

export function onPlanDrawn(store: AppStore, tool: PlannerToolId, g: DrawnGeometry): void {
  const s = store.getState();
  const got = drawnStep(s, selectPlanFacilities(s), tool, g, (k) => FACILITY_KIND_TEXT[k][s.lang]);
  if (!got.ok) {
    s.setPlannerNotice(got.notice);
    return;
  }
  s.commitEdits(got.step.label, got.step.edits);
  if (got.step.select) s.selectFacility(got.step.select);
  s.setPlannerNotice(null);
  s.setMapTool("select");
}
