/** The workspace switch at the top of the left panel: land analysis, the six-ones planner, the plan targets, the scenarios. */

import type { Bilingual } from "../../i18n/lang";
import { fill } from "../../i18n/lang";
import { PLANNER_UI } from "../../i18n/planner";
import { SCENARIO_UI } from "../../i18n/scenarios";
import { TARGETS_UI } from "../../i18n/targets";
import { useAppStore } from "../../state/store";
import type { Mode } from "../../state/types";
import { useLang } from "../hooks";

const TABS: { mode: Mode; label: Bilingual }[] = [
  { mode: "analysis", label: PLANNER_UI.modeAnalysis },
  { mode: "facilities", label: PLANNER_UI.modePlanner },
  { mode: "targets", label: TARGETS_UI.mode },
  { mode: "scenarios", label: SCENARIO_UI.mode },
];

export function ModeTabs() {
  const lang = useLang();
  const mode = useAppStore((s) => s.mode);
  const setMode = useAppStore((s) => s.setMode);
  return (
    <fieldset className="mode-tabs">
      <legend className="visually-hidden">{fill(PLANNER_UI.modesLabel[lang])}</legend>
      {TABS.map((t) => (
        <button
          key={t.mode}
          type="button"
          aria-pressed={mode === t.mode}
          data-testid={`mode.${t.mode}`}
          onClick={() => setMode(t.mode)}
        >
          {t.label[lang]}
        </button>
      ))}
    </fieldset>
  );
}
