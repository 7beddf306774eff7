/** The workspace switch at the top of the left panel: land analysis, or the six-ones planner. */
import { fill } from "../../i18n/lang";
import { PLANNER_UI } from "../../i18n/planner";
import { useAppStore } from "../../state/store";
import type { Mode } from "../../state/types";
import { useLang } from "../hooks";

const TABS: { mode: Mode; key: "modeAnalysis" | "modePlanner" }[] = [
  { mode: "analysis", key: "modeAnalysis" },
  { mode: "facilities", key: "modePlanner" },
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
          {PLANNER_UI[t.key][lang]}
        </button>
      ))}
    </fieldset>
  );
}
