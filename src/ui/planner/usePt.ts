/** The planner's texts in the UI language: `pt("key", params)`. */
import { fill } from "../../i18n/lang";
import { PLANNER_UI, type PlannerUiKey } from "../../i18n/planner";
import { useLang } from "../hooks";

export function usePt(): (key: PlannerUiKey, params?: Record<string, unknown>) => string {
  const lang = useLang();
  return (key, params) => fill(PLANNER_UI[key][lang], params);
}
