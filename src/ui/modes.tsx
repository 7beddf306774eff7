/**
 * The app's modes, each a pair of panels around the shared map and table. Only `analysis` exists
 * so far; `import` (real cadastral data), `meeting` (projector review), `facilities` (the "six
 * ones") and `scenarios` (plan targets) each add an entry here — a panel of their own, not a rewrite.
 */
import type { ComponentType } from "react";
import { useAppStore } from "../state/store";
import type { Mode } from "../state/types";
import { CandidateList } from "./CandidateList";
import { DetailPanel } from "./DetailPanel";
import { IndicatorPanel } from "./IndicatorPanel";
import { LayerList } from "./LayerList";
import { Legend } from "./Legend";
import { ModeTabs } from "./planner/ModeTabs";
import { PlannerPanel } from "./planner/PlannerPanel";
import { SummaryPanel } from "./SummaryPanel";
import { ComparePanel } from "./scenarios/ComparePanel";
import { ScenarioPanel } from "./scenarios/ScenarioPanel";
import { TargetsPanel } from "./targets/TargetsPanel";
import "./planner/planner.css";
import "./targets/targets.css";

export interface ModeView {
  /** Left panel: the mode's controls. */
  left: ComponentType;
  /** Right panel: what the mode shows about the selection. */
  right: ComponentType;
}

function AnalysisLeft() {
  return (
    <>
      <ModeTabs />
      <IndicatorPanel />
      <Legend />
      <LayerList />
      <SummaryPanel />
      <CandidateList />
    </>
  );
}

export const ANALYSIS_MODE: ModeView = { left: AnalysisLeft, right: DetailPanel };

/** The six ones (六个一): checklist, coverage, site suggestions; the detail panel stays on the right. */
function FacilitiesLeft() {
  return (
    <>
      <ModeTabs />
      <PlannerPanel />
      <Legend />
    </>
  );
}

/** The plan targets (规划目标): the dashboard; the detail panel stays on the right. */
function TargetsLeft() {
  return (
    <>
      <ModeTabs />
      <TargetsPanel />
    </>
  );
}

/** Scenarios (方案比选): the list and scenario changes on the left; the comparison, else the detail, on the right. */
function ScenariosLeft() {
  return (
    <>
      <ModeTabs />
      <ScenarioPanel />
      <Legend />
      <SummaryPanel />
    </>
  );
}

function ScenariosRight() {
  const comparing = useAppStore((s) => s.compare !== null);
  return comparing ? <ComparePanel /> : <DetailPanel />;
}

export const MODES: Partial<Record<Mode, ModeView>> = {
  analysis: ANALYSIS_MODE,
  facilities: { left: FacilitiesLeft, right: DetailPanel },
  targets: { left: TargetsLeft, right: DetailPanel },
  scenarios: { left: ScenariosLeft, right: ScenariosRight },
};

/** The view of a mode; modes not built yet fall back to analysis. */
export function modeView(mode: Mode): ModeView {
  return MODES[mode] ?? ANALYSIS_MODE;
}
