/** Summary counts per zone: idle land by status, efficiency classes A–D, below standard, candidates, area freed. */
import { NO_ZONE } from "../domain/summary";
import type { AnalysisSummary } from "../domain/types";
import { m2ToMu } from "../domain/units";
import { enumLabel } from "../i18n/ui";
import { selectZoneIds } from "../state/selectors";
import { useAppStore } from "../state/store";
import { formatNumber } from "./format";
import { useLang, useT, zoneName } from "./hooks";

/** Short English column heads for narrow screens: the parcel-id prefixes officials know. */
const ZONE_ABBR: Record<string, string> = { huangtukan: "HTK", dayangbang: "DYB" };
function zoneAbbr(id: string): string {
  return ZONE_ABBR[id] ?? (id.slice(0, 3).toUpperCase() || "—");
}

type Row = { key: string; label: string; value: (s: AnalysisSummary) => string; strong?: boolean };

export function SummaryPanel() {
  const tr = useT();
  const lang = useLang();
  const result = useAppStore((s) => s.result);
  const zones = useAppStore((s) => s.context?.zones.features);
  const zoneFocus = useAppStore((s) => s.zoneFocus);
  const knownZones = useAppStore(selectZoneIds);
  if (!result) return null;
  // Zones in the zones layer's order, then any other zone found in the parcels.
  const zoneIds = [...new Set([...knownZones, ...Object.keys(result.summaryByZone)])].filter(
    (id) => result.summaryByZone[id],
  );
  const cols: { id: string; title: string; s: AnalysisSummary }[] = [
    ...zoneIds.map((id) => ({
      id,
      title: id === NO_ZONE ? tr("noZone") : zoneName(id, lang, zones, true),
      s: result.summaryByZone[id] as AnalysisSummary,
    })),
    { id: "all", title: tr("zoneAll"), s: result.summary },
  ];
  const n = (v: number) => formatNumber(v, 0, lang);
  const rows: Row[] = [
    { key: "parcels", label: tr("summaryParcels"), value: (s) => n(s.parcels) },
    ...(["overdue", "idle-1y", "idle-2y", "idle-halted"] as const).map((st) => ({
      key: `idle.${st}`,
      label: enumLabel("idleStatus", st, lang),
      value: (s: AnalysisSummary) => n(s.byIdleStatus[st]),
    })),
    ...(["A", "B", "C", "D"] as const).map((c) => ({
      key: `class.${c}`,
      label: enumLabel("efficiencyClass", c, lang),
      value: (s: AnalysisSummary) => n(s.byEfficiencyClass[c]),
    })),
    { key: "below", label: tr("summaryBelow"), value: (s) => n(s.belowStandard) },
    {
      key: "candidates",
      label: tr("summaryCandidates"),
      value: (s) => n(s.reallocationCandidates),
      strong: true,
    },
    {
      key: "freed",
      label: lang === "zh" ? `${tr("summaryFreed")}（亩）` : `${tr("summaryFreed")} (mu)`,
      value: (s) => formatNumber(m2ToMu(s.reallocationAreaM2), 2, lang),
      strong: true,
    },
  ];
  return (
    <section className="panel" aria-labelledby="summary-h" data-testid="summary.panel">
      <h2 id="summary-h" className="panel__title">
        {tr("summary")}
      </h2>
      <table className="summary">
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">{tr("summaryRowHead")}</span>
            </th>
            {cols.map((c) => (
              <th key={c.id} scope="col" className={c.id === zoneFocus ? "is-focus" : undefined}>
                {lang === "en" && c.id !== "all" ? (
                  <>
                    <span className="label-full">{c.title}</span>
                    <abbr className="label-short" title={c.title}>
                      {zoneAbbr(c.id)}
                    </abbr>
                  </>
                ) : (
                  c.title
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} className={r.strong ? "summary__strong" : undefined}>
              <th scope="row">{r.label}</th>
              {cols.map((c) => (
                <td
                  key={c.id}
                  data-testid={`summary.${c.id}.${r.key}`}
                  className={c.id === zoneFocus ? "is-focus" : undefined}
                >
                  {r.value(c.s)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
