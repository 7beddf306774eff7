/**
 * The scenarios workspace's left panel: the scenario list (the base first; make, duplicate,
 * rename, delete — each undoable), the changes of the open scenario on the selected parcels
 * (reassign, recover, split along a drawn line, merge neighbours, change a standard), and the
 * choice of what to compare.
 */
import { useState } from "react";
import { thresholdAt } from "../../domain/scenarios";
import { MAX_CHECKED, MIN_CHECKED } from "../../domain/types";
import { INDUSTRY_CLUSTER_LABELS } from "../../domain/vocabulary";
import { PARK_ZONES } from "../../domain/zones";
import { fill } from "../../i18n/lang";
import { SCENARIO_UI, type ScenarioUiKey, SPLIT_MERGE_PROBLEM_TEXT } from "../../i18n/scenarios";
import { activeScenarioId, selectScenarioEdits, selectScenarios } from "../../state/slices/scenarios";
import { useAppStore } from "../../state/store";
import { fieldLabel } from "../format";
import { useLang, zoneName } from "../hooks";
import { changeStandard, mergeSelected, reassignSelected, recoverSelected } from "./actions";
import "./scenarios.css";

export function useSt(): (key: ScenarioUiKey, params?: Record<string, unknown>) => string {
  const lang = useLang();
  return (key, params) => fill(SCENARIO_UI[key][lang], params);
}

const numOrUndef = (v: string): number | undefined => {
  const n = Number(v.trim().replace(/,/g, ""));
  return v.trim() === "" || !Number.isFinite(n) ? undefined : n;
};

function ScenarioList() {
  const st = useSt();
  const list = useAppStore(selectScenarios);
  const active = useAppStore(activeScenarioId);
  const setActive = useAppStore((s) => s.setActiveScenario);
  const create = useAppStore((s) => s.createScenario);
  const rename = useAppStore((s) => s.renameScenario);
  const remove = useAppStore((s) => s.deleteScenario);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [name, setName] = useState("");
  const current = list.find((m) => m.id === active);
  const nextName = st("defaultName", { n: list.length + 1 });
  return (
    <section className="panel sc-list" aria-label={st("list")}>
      <h2 className="panel__title">{st("title")}</h2>
      <ul className="sc-items">
        <li>
          <button
            type="button"
            aria-pressed={active === null}
            data-testid="scenario.base"
            onClick={() => setActive(null)}
          >
            {st("base")}
          </button>
        </li>
        {list.map((m) => (
          <li key={m.id}>
            <button
              type="button"
              aria-pressed={active === m.id}
              data-testid="scenario.item"
              onClick={() => setActive(m.id)}
            >
              {m.name}
            </button>
          </li>
        ))}
      </ul>
      {list.length === 0 && <p className="sc-hint">{st("noScenario")}</p>}
      <div className="sc-row">
        <button
          type="button"
          className="btn"
          data-testid="scenario.create"
          onClick={() => create(nextName, null)}
        >
          {st("create")}
        </button>
        {current && (
          <>
            <button
              type="button"
              className="btn btn--quiet"
              data-testid="scenario.duplicate"
              onClick={() => create(st("copyName", { name: current.name }), current.id)}
            >
              {st("duplicate")}
            </button>
            <button
              type="button"
              className="btn btn--quiet"
              data-testid="scenario.rename"
              onClick={() => {
                setRenaming(current.id);
                setName(current.name);
              }}
            >
              {st("rename")}
            </button>
            <button
              type="button"
              className="btn btn--quiet"
              data-testid="scenario.delete"
              onClick={() => remove(current.id)}
            >
              {st("delete")}
            </button>
          </>
        )}
      </div>
      {renaming && current?.id === renaming && (
        <form
          className="sc-row"
          onSubmit={(e) => {
            e.preventDefault();
            rename(renaming, name);
            setRenaming(null);
          }}
        >
          <label>
            {st("renameTo")}{" "}
            <input data-testid="scenario.name" value={name} onChange={(e) => setName(e.target.value)} />
          </label>
          <button type="submit" className="btn">
            {st("save")}
          </button>
          <button type="button" className="btn btn--quiet" onClick={() => setRenaming(null)}>
            {st("cancel")}
          </button>
        </form>
      )}
      <p className="sc-hint">{st("undoHint")}</p>
    </section>
  );
}

function ReassignForm() {
  const st = useSt();
  const lang = useLang();
  const [f, setF] = useState({
    enterprise: "",
    industryCode: "",
    industryCluster: "",
    investment: "",
    floorArea: "",
    output: "",
    tax: "",
    startDate: "",
  });
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) =>
    setF({ ...f, [k]: e.target.value });
  const field = (k: keyof typeof f, label: ScenarioUiKey, type = "text") => (
    <label className="sc-field">
      <span>{st(label)}</span>
      <input type={type} value={f[k]} onChange={set(k)} data-testid={`scenario.reassign.${k}`} />
    </label>
  );
  return (
    <form
      className="sc-form"
      onSubmit={(e) => {
        e.preventDefault();
        const n = numOrUndef;
        reassignSelected(useAppStore, {
          enterprise: f.enterprise,
          ...(f.industryCode.trim() ? { industryCode: f.industryCode.trim() } : {}),
          ...(f.industryCluster ? { industryCluster: f.industryCluster as never } : {}),
          ...(n(f.investment) !== undefined ? { fixedInvestment: n(f.investment) as number } : {}),
          ...(n(f.floorArea) !== undefined ? { floorAreaM2: n(f.floorArea) as number } : {}),
          ...(n(f.output) !== undefined ? { outputValue: n(f.output) as number } : {}),
          ...(n(f.tax) !== undefined ? { taxRevenue: n(f.tax) as number } : {}),
          ...(/^\d{4}-\d{2}-\d{2}$/.test(f.startDate) ? { agreedStartDate: f.startDate } : {}),
        });
      }}
    >
      {field("enterprise", "enterprise")}
      {field("industryCode", "industryCode")}
      <label className="sc-field">
        <span>{st("industryCluster")}</span>
        <select
          value={f.industryCluster}
          onChange={set("industryCluster")}
          data-testid="scenario.reassign.cluster"
        >
          <option value="">—</option>
          {Object.entries(INDUSTRY_CLUSTER_LABELS).map(([k, v]) => (
            <option key={k} value={k}>
              {v[lang]}
            </option>
          ))}
        </select>
      </label>
      {field("investment", "investment")}
      {field("floorArea", "floorArea")}
      {field("output", "output")}
      {field("tax", "tax")}
      {field("startDate", "startDate", "date")}
      <button
        type="submit"
        className="btn"
        disabled={!f.enterprise.trim()}
        data-testid="scenario.reassign.apply"
      >
        {st("apply")}
      </button>
    </form>
  );
}

const CHECKED = [
  ...MIN_CHECKED.map((k) => ["min", k] as const),
  ...MAX_CHECKED.map((k) => ["max", k] as const),
];

function StandardForm() {
  const st = useSt();
  const lang = useLang();
  const zones = useAppStore((s) => s.context?.zones.features);
  const standards = useAppStore((s) => s.standards?.standards);
  const scenarioEdits = useAppStore((s) => selectScenarioEdits(s, activeScenarioId(s)));
  const [level, setLevel] = useState("defaults");
  const [which, setWhich] = useState(0);
  const [value, setValue] = useState("");
  if (!standards) return null;
  const [bound, indicator] = CHECKED[which] ?? CHECKED[0] ?? ["min", "investmentPerMu"];
  const lvl = level === "defaults" ? "defaults" : "zones";
  const key = level === "defaults" ? null : level;
  // The value in force in the scenario (base standards with the scenario's changes so far).
  let before = thresholdAt(standards, lvl, key, bound, indicator);
  for (const e of scenarioEdits ?? [])
    if (
      e.kind === "scenario-standard" &&
      e.level === lvl &&
      e.key === key &&
      e.bound === bound &&
      e.indicator === indicator
    )
      before = e.after;
  return (
    <form
      className="sc-form"
      onSubmit={(e) => {
        e.preventDefault();
        const after = value.trim() === "" ? null : (numOrUndef(value) ?? null);
        changeStandard(useAppStore, {
          kind: "scenario-standard",
          level: lvl,
          key,
          bound,
          indicator,
          before,
          after,
        });
      }}
    >
      <label className="sc-field">
        <span>{st("standardLevel")}</span>
        <select value={level} onChange={(e) => setLevel(e.target.value)}>
          <option value="defaults">{st("levelDefaults")}</option>
          {PARK_ZONES.map((z) => (
            <option key={z} value={z}>
              {zoneName(z, lang, zones)}
            </option>
          ))}
        </select>
      </label>
      <label className="sc-field">
        <span>{st("indicator")}</span>
        <select value={which} onChange={(e) => setWhich(Number(e.target.value))}>
          {CHECKED.map(([b, k], i) => (
            <option key={`${b}-${k}`} value={i}>
              {fieldLabel(k, lang)} {b === "min" ? "≥" : "≤"}
            </option>
          ))}
        </select>
      </label>
      <label className="sc-field">
        <span>
          {st("value")} ({before ?? "—"})
        </span>
        <input
          value={value}
          onChange={(e) => setValue(e.target.value)}
          placeholder={st("valueHint")}
          inputMode="decimal"
        />
      </label>
      <button type="submit" className="btn">
        {st("apply")}
      </button>
    </form>
  );
}

function ScenarioEdits() {
  const st = useSt();
  const lang = useLang();
  const active = useAppStore(activeScenarioId);
  const edits = useAppStore((s) => selectScenarioEdits(s, activeScenarioId(s)));
  const ids = useAppStore((s) => s.selectedIds);
  const drawing = useAppStore((s) => s.splitDrawing);
  const setDrawing = useAppStore((s) => s.setSplitDrawing);
  const notice = useAppStore((s) => s.scenarioNotice);
  const [open, setOpen] = useState<"reassign" | "standard" | null>(null);
  if (active === null) return <p className="sc-hint">{st("baseUntouched")}</p>;
  const sel = [...ids];
  const why =
    notice && notice.code in SPLIT_MERGE_PROBLEM_TEXT
      ? SPLIT_MERGE_PROBLEM_TEXT[notice.code as keyof typeof SPLIT_MERGE_PROBLEM_TEXT][lang]
      : null;
  return (
    <section className="panel" aria-label={st("edits", { count: edits?.length ?? 0 })}>
      <h3 className="panel__title">{st("edits", { count: edits?.length ?? 0 })}</h3>
      <p className="sc-hint">
        {sel.length === 0 ? st("selectParcel") : st("selected", { ids: sel.slice(0, 4).join("、") })}
      </p>
      {why && (
        <p className="sc-problem" role="alert" data-testid="scenario.problem">
          {st("problem", { why })}
        </p>
      )}
      <div className="sc-row">
        <button
          type="button"
          className="btn"
          disabled={sel.length !== 1}
          aria-expanded={open === "reassign"}
          data-testid="scenario.reassign"
          onClick={() => setOpen(open === "reassign" ? null : "reassign")}
        >
          {st("reassign")}
        </button>
        <button
          type="button"
          className="btn"
          disabled={sel.length === 0}
          title={st("recoverHint")}
          data-testid="scenario.recover"
          onClick={() => recoverSelected(useAppStore)}
        >
          {st("recover")}
        </button>
        <button
          type="button"
          className="btn"
          disabled={sel.length !== 1}
          aria-pressed={drawing}
          data-testid="scenario.split"
          onClick={() => setDrawing(!drawing)}
        >
          {st("split")}
        </button>
        <button
          type="button"
          className="btn"
          disabled={sel.length < 2}
          title={st("mergeHint")}
          data-testid="scenario.merge"
          onClick={() => mergeSelected(useAppStore)}
        >
          {st("merge")}
        </button>
        <button
          type="button"
          className="btn btn--quiet"
          aria-expanded={open === "standard"}
          onClick={() => setOpen(open === "standard" ? null : "standard")}
        >
          {st("standard")}
        </button>
      </div>
      {drawing && <p className="sc-hint sc-hint--strong">{st("splitDrawing")}</p>}
      <p className="sc-hint">{st("splitHint")}</p>
      {open === "reassign" && sel.length === 1 && <ReassignForm key={sel[0]} />}
      {open === "standard" && <StandardForm />}
    </section>
  );
}

function CompareChooser() {
  const st = useSt();
  const list = useAppStore(selectScenarios);
  const active = useAppStore(activeScenarioId);
  const compare = useAppStore((s) => s.compare);
  const setCompare = useAppStore((s) => s.setCompare);
  const setActive = useAppStore((s) => s.setActiveScenario);
  const [a, setA] = useState("");
  const [b, setB] = useState("");
  if (list.length === 0) return null;
  const bId = b || active || list[0]?.id || "";
  const options = [{ id: "", name: st("base") }, ...list.map((m) => ({ id: m.id, name: m.name }))];
  return (
    <section className="panel" aria-label={st("compare")}>
      <h3 className="panel__title">{st("compare")}</h3>
      <div className="sc-row">
        <SideSelect label={st("compareA")} value={a} onChange={setA} options={options} testId="compare.a" />
        <SideSelect label={st("compareB")} value={bId} onChange={setB} options={options} testId="compare.b" />
      </div>
      <div className="sc-row">
        <button
          type="button"
          className="btn"
          data-testid="compare.run"
          disabled={a === bId}
          onClick={() => {
            setCompare({ a: a || null, b: bId || null });
            // The map shows side B, with what differs outlined.
            setActive(bId || null);
          }}
        >
          {st("compareRun")}
        </button>
        {compare && (
          <button type="button" className="btn btn--quiet" onClick={() => setCompare(null)}>
            {st("compareClose")}
          </button>
        )}
      </div>
    </section>
  );
}

/** One side of the comparison: the base (id "") or a scenario; A and B offer the same list. */
function SideSelect(props: {
  label: string;
  value: string;
  onChange(id: string): void;
  options: readonly { id: string; name: string }[];
  testId: string;
}) {
  return (
    <label className="sc-field">
      <span>{props.label}</span>
      <select value={props.value} onChange={(e) => props.onChange(e.target.value)} data-testid={props.testId}>
        {props.options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </label>
  );
}

export function ScenarioPanel() {
  return (
    <div className="sc-panel" data-testid="scenario.panel">
      <ScenarioList />
      <ScenarioEdits />
      <CompareChooser />
    </div>
  );
}
