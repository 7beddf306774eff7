/**
 * The legend key of a flag overlay class: the map's own pattern tile (`map/patterns.ts`) repeated
 * at its pixel size, inside the map's outline colour, for the current theme, so the key shows what
 * the map draws (idle land "////", underperforming land cross-hatched "XXXX", both outlined).
 */
import { useMemo } from "react";
import { flagPatterns, PATTERN_IDLE, PATTERN_UNDER, patternDataUrl } from "../map/patterns";
import { flagLineStyle } from "../map/style";
import { useAppStore } from "../state/store";

export function FlagSwatch({ flag }: { flag: "idle" | "under" }) {
  const theme = useAppStore((s) => s.theme);
  const style = useMemo(() => {
    const img = flagPatterns(theme)[flag === "idle" ? PATTERN_IDLE : PATTERN_UNDER]!;
    const line = flagLineStyle(theme);
    return {
      backgroundImage: `url("${patternDataUrl(img)}")`,
      backgroundSize: `${img.width}px ${img.height}px`,
      backgroundColor: "transparent",
      border: `${Math.min(line.width, 2)}px solid ${flag === "idle" ? line.idle : line.under}`,
    };
  }, [theme, flag]);
  return (
    <span
      className={`legend__swatch legend__swatch--flag legend__swatch--${flag}`}
      style={style}
      data-testid={`legend.flagSwatch.${flag}`}
      aria-hidden="true"
    />
  );
}
