/**
 * The text of the table filter's target chip ("目标：大样榜片区主导产业产值占比—主导产业以外的企业地块"),
 * shown by the table's filter chips while the table and the map show the parcels behind a target
 * (a click on the dashboard); removing the chip clears that part of the filter.
 */
import { targetParcels } from "../../domain/targets";
import { fill } from "../../i18n/lang";
import { TARGET_PARCELS_TEXT, TARGETS_UI } from "../../i18n/targets";
import { useAppStore } from "../../state/store";
import { selectTargetsFile } from "../../state/targets";
import { useLang } from "../hooks";

/** The chip's text for the filter's target, or null when no target filter is set. */
export function useTargetChipText(): string | null {
  const lang = useLang();
  const id = useAppStore((s) => s.filter.target);
  const file = useAppStore(selectTargetsFile);
  if (id === null) return null;
  const spec = file?.targets.find((t) => t.id === id);
  const kind = spec ? targetParcels(spec, [])?.kind : undefined;
  return fill(TARGETS_UI.chip[lang], {
    target: spec ? spec[lang] : id,
    what: kind ? TARGET_PARCELS_TEXT[kind][lang] : "—",
  });
}
