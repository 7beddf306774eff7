/**
 * The dashboard's small charts, hand-written SVG: the value against the target (a bar and a
 * target mark), and for a growth target its compound path from the base year with the data's
 * value placed in its year. Greyscale-safe (ink, hatching and shape, never colour alone); each
 * chart has a title and a description with the numbers, and the numbers are also text beside it.
 */
import { useId } from "react";
import type { GrowthPath, TargetRow } from "../../domain/targets";

const W = 240;

/** A value on a 0 … max scale as an x offset in `width`. */
const scale = (v: number, max: number, width: number) => (max <= 0 ? 0 : (Math.max(0, v) / max) * width);

export interface BarChartProps {
  row: Pick<TargetRow, "value" | "target" | "unit">;
  /** Title and description (the numbers in words). */
  title: string;
  desc: string;
  /** Short labels drawn in the chart: the value's and the target's. */
  valueLabel: string;
  targetLabel: string;
}

/** The value as a bar, the target as a mark across it. Shares on a 0–100 % scale. */
export function BarChart({ row, title, desc, valueLabel, targetLabel }: BarChartProps) {
  const id = useId();
  const value = row.value ?? 0;
  const max = row.unit === "ratio" ? 1 : Math.max(value, row.target) * 1.08 || 1;
  const x0 = 2;
  const width = W - 4;
  const bar = scale(value, max, width);
  const mark = x0 + scale(row.target, max, width);
  return (
    <svg
      className="tg-chart tg-chart--bar"
      viewBox={`0 0 ${W} 40`}
      role="img"
      aria-labelledby={`${id}-t ${id}-d`}
      data-testid="targets.chart.bar"
    >
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{desc}</desc>
      <rect x={x0} y={16} width={width} height={12} className="tg-track" />
      {row.value !== null ? <rect x={x0} y={16} width={bar} height={12} className="tg-bar" /> : null}
      <line x1={mark} x2={mark} y1={12} y2={32} className="tg-mark" />
      <path d={`M${mark - 4},8 L${mark + 4},8 L${mark},13 Z`} className="tg-mark-head" />
      <text x={Math.min(Math.max(mark, 24), W - 24)} y={7} className="tg-label" textAnchor="middle">
        {targetLabel}
      </text>
      {row.value !== null ? (
        <text x={x0 + 2} y={39} className="tg-label">
          {valueLabel}
        </text>
      ) : null}
    </svg>
  );
}

export interface GrowthChartProps {
  path: GrowthPath;
  /** The computed value and its year (null: not computed, or no data year). */
  current: { year: number; value: number } | null;
  title: string;
  desc: string;
  /** Formats an axis value (short, e.g. `6,200`). */
  short(v: number): string;
}

/**
 * The compound path from the base year to the target year (solid), continued at the same rate
 * to the data's year when that is later (dashed), one dot a year, the target as a square, and
 * the data's value as a diamond.
 */
export function GrowthChart({ path, current, title, desc, short }: GrowthChartProps) {
  const id = useId();
  const H = 96;
  const left = 4;
  const right = W - 8;
  const top = 12;
  const bottom = H - 18;
  const first = path.baseYear;
  const last = Math.max(path.points.at(-1)?.year ?? path.targetYear, current?.year ?? first);
  const maxV = Math.max(...path.points.map((p) => p.value), current?.value ?? 0) * 1.1 || 1;
  const x = (year: number) => left + ((year - first) / Math.max(1, last - first)) * (right - left);
  const y = (v: number) => bottom - (Math.max(0, v) / maxV) * (bottom - top);
  const inPeriod = path.points.filter((p) => !p.beyond);
  const beyond = path.points.filter((p, i) => p.beyond || path.points[i + 1]?.beyond === true);
  const line = (pts: typeof path.points) =>
    pts.map((p) => `${x(p.year).toFixed(1)},${y(p.value).toFixed(1)}`).join(" ");
  const target = path.points.find((p) => p.year === path.targetYear);
  const years = [...new Set([first, path.targetYear, ...(current ? [current.year] : [])])];
  return (
    <svg
      className="tg-chart tg-chart--growth"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-labelledby={`${id}-t ${id}-d`}
      data-testid="targets.chart.growth"
    >
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{desc}</desc>
      <line x1={left} x2={right} y1={bottom} y2={bottom} className="tg-axis" />
      <polyline points={line(inPeriod)} className="tg-path" />
      {beyond.length > 1 ? <polyline points={line(beyond)} className="tg-path tg-path--beyond" /> : null}
      {path.points.map((p) => (
        <circle key={p.year} cx={x(p.year)} cy={y(p.value)} r={2} className="tg-dot" />
      ))}
      {target ? (
        <>
          <rect x={x(target.year) - 4} y={y(target.value) - 4} width={8} height={8} className="tg-target" />
          <text x={x(target.year)} y={y(target.value) - 6} className="tg-label" textAnchor="middle">
            {short(target.value)}
          </text>
        </>
      ) : null}
      {current ? (
        <>
          <path
            d={`M${x(current.year)},${y(current.value) - 6} l6,6 l-6,6 l-6,-6 Z`}
            className="tg-current"
            data-testid="targets.chart.current"
          />
          <text
            x={Math.min(x(current.year), right - 2)}
            y={Math.max(y(current.value) - 8, 9)}
            className="tg-label tg-label--strong"
            textAnchor="end"
          >
            {short(current.value)}
          </text>
        </>
      ) : null}
      {years.map((yr) => (
        <text
          key={yr}
          x={x(yr)}
          y={H - 4}
          className="tg-label"
          textAnchor={yr === first ? "start" : yr === last ? "end" : "middle"}
        >
          {yr}
        </text>
      ))}
    </svg>
  );
}
