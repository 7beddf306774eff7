/**
 * The app's modes, each a pair of panels around the shared map and table. Only `analysis` exists
 * so far; `import` (real cadastral data), `meeting` (projector review), `facilities` (the "six
 * ones") and `scenarios` (plan targets) each add an entry here — a panel of their own, not a rewrite.
 */
import type { ComponentType } from "react";
import type { Mode } from "../state/types";
import { CandidateList } from "./CandidateList";
import { DetailPanel } from "./DetailPanel";
import { IndicatorPanel } from "./IndicatorPanel";
import { LayerList } from "./LayerList";
import { Legend } from "./Legend";
import { SummaryPanel } from "./SummaryPanel";

export interface ModeView {
  /** Left panel: the mode's controls. */
  left: ComponentType;
  /** Right panel: what the mode shows about the selection. */
  right: ComponentType;
}

function AnalysisLeft() {
  return (
    <>
      <IndicatorPanel />
      <Legend />
      <LayerList />
      <SummaryPanel />
      <CandidateList />
    </>
  );
}

export const ANALYSIS_MODE: ModeView = { left: AnalysisLeft, right: DetailPanel };

export const MODES: Partial<Record<Mode, ModeView>> = { analysis: ANALYSIS_MODE };

/** The view of a mode; modes not built yet fall back to analysis. */
export function modeView(mode: Mode): ModeView {
  return MODES[mode] ?? ANALYSIS_MODE;
}
