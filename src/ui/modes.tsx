/**
 * The app's modes, each a pair of panels around the shared map and table. Only `analysis` exists
 * so far; `import` (real cadastral data), `meeting` (projector review), `facilities` (the "six
 * ones") and `scenarios` (plan targets) each add an entry here — a panel of their own, not a rewrite.
 */
import { type ComponentType, lazy, Suspense } from "react";
import { useAppStore } from "../state/store";
import type { Mode } from "../state/types";
import { CandidateList } from "./CandidateList";
import { DetailPanel } from "./DetailPanel";
import { IndicatorPanel } from "./IndicatorPanel";
import { LayerList } from "./LayerList";
import { Legend } from "./Legend";
import { ModeTabs } from "./planner/ModeTabs";
import { SummaryPanel } from "./SummaryPanel";
import "./planner/planner.css";
import "./targets/targets.css";

// The workspaces other than analysis load with their first use: the first map needs none of them
// (vite puts each in a chunk of its own; their CSS stays in the main sheet so nothing jumps).
const PlannerPanel = lazy(() => import("./planner/PlannerPanel").then((m) => ({ default: m.PlannerPanel })));
const TargetsPanel = lazy(() => import("./targets/TargetsPanel").then((m) => ({ default: m.TargetsPanel })));
const ScenarioPanel = lazy(() =>
  import("./scenarios/ScenarioPanel").then((m) => ({ default: m.ScenarioPanel })),
);
const ComparePanel = lazy(() =>
  import("./scenarios/ComparePanel").then((m) => ({ default: m.ComparePanel })),
);

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
      <Suspense fallback={null}>
        <PlannerPanel />
      </Suspense>
      <Legend />
    </>
  );
}

/** The plan targets (规划目标): the dashboard; the detail panel stays on the right. */
function TargetsLeft() {
  return (
    <>
      <ModeTabs />
      <Suspense fallback={null}>
        <TargetsPanel />
      </Suspense>
    </>
  );
}

/** Scenarios (方案比选): the list and scenario changes on the left; the comparison, else the detail, on the right. */
function ScenariosLeft() {
  return (
    <>
      <ModeTabs />
      <Suspense fallback={null}>
        <ScenarioPanel />
      </Suspense>
      <Legend />
      <SummaryPanel />
    </>
  );
}

function ScenariosRight() {
  const comparing = useAppStore((s) => s.compare !== null);
  return comparing ? (
    <Suspense fallback={null}>
      <ComparePanel />
    </Suspense>
  ) : (
    <DetailPanel />
  );
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
