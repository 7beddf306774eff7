/** The header: title, zone switcher, as-of date, standards, basemap, theme and language. */
import { type ChangeEvent, type ReactNode, useRef, useState } from "react";
import { importText } from "../i18n/import";
import { selectZoneIds } from "../state/selectors";
import { useAppStore } from "../state/store";
import type { BasemapKind } from "../state/types";
import { AsOfInput } from "./AsOfInput";
import { CustomBasemapDialog } from "./CustomBasemapDialog";
import { UndoRedoButtons } from "./edit/UndoRedo";
import { useLang, useT, zoneName } from "./hooks";
import { TiandituKeyDialog } from "./TiandituKeyDialog";

export interface HeaderProps {
  /** Read a standards file chosen by the user. */
  onStandardsFile(file: File): void;
  /** Import the files chosen by the user (several at once: the parts of a Shapefile, a sheet). */
  onParcelsFile(files: File[]): void;
  /** More header controls, after the parcels button (Save/Open project). */
  children?: ReactNode;
}

export function Header({ onStandardsFile, onParcelsFile, children }: HeaderProps) {
  const tr = useT();
  const lang = useLang();
  const zoneIds = useAppStore(selectZoneIds);
  const zones = useAppStore((s) => s.context?.zones.features);
  const zoneFocus = useAppStore((s) => s.zoneFocus);
  const setZoneFocus = useAppStore((s) => s.setZoneFocus);
  const asOfUserSet = useAppStore((s) => s.asOfUserSet);
  const surveyDate = useAppStore((s) => s.dataset?.surveyDate);
  const resetAsOf = useAppStore((s) => s.resetAsOf);
  const standards = useAppStore((s) => s.standards);
  const basemap = useAppStore((s) => s.basemap);
  const setBasemap = useAppStore((s) => s.setBasemap);
  const customBasemap = useAppStore((s) => s.customBasemap);
  const setCustomBasemap = useAppStore((s) => s.setCustomBasemap);
  /** The custom basemap dialog, and where focus returns when it closes. */
  const [customDialog, setCustomDialog] = useState(false);
  const customDialogOpener = useRef<HTMLElement | null>(null);
  const theme = useAppStore((s) => s.theme);
  const setTheme = useAppStore((s) => s.setTheme);
  const setLang = useAppStore((s) => s.setLang);
  const standardsInput = useRef<HTMLInputElement>(null);
  const parcelsInput = useRef<HTMLInputElement>(null);
  const basemapSelect = useRef<HTMLSelectElement>(null);
  /** Where focus returns when the key dialog closes (the select, or 更换密钥). */
  const keyDialogOpener = useRef<HTMLElement | null>(null);
  const [keyDialog, setKeyDialog] = useState(false);
  const openKeyDialog = (opener: HTMLElement | null) => {
    keyDialogOpener.current = opener;
    setKeyDialog(true);
  };

  const onBasemap = (e: ChangeEvent<HTMLSelectElement>) => {
    const kind = e.target.value as BasemapKind;
    if (kind === "tianditu") {
      // The select keeps showing the current basemap until a key is given.
      e.target.value = basemap;
      openKeyDialog(basemapSelect.current);
    } else if (kind === "custom" && !customBasemap) {
      e.target.value = basemap;
      customDialogOpener.current = basemapSelect.current;
      setCustomDialog(true);
    } else setBasemap(kind);
  };
  const onKey = (key: string) => {
    setBasemap("tianditu", key);
    setKeyDialog(false);
  };
  const standardsText = standards
    ? `${standards.standards.name}${lang === "zh" ? "（" : " ("}${tr("edition")} ${standards.standards.edition}${lang === "zh" ? "）" : ")"}`
    : null;
  const pick = (fn: (f: File) => void) => (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    if (f) fn(f);
    e.target.value = "";
  };

  return (
    <>
      <header className="app-header" data-testid="header">
        <h1 className="app-title">
          <span className="app-title__mark">{tr("appShort")}</span>
          <span className="app-title__text">
            {lang === "zh" ? "建始县工业园区用地分析" : "Jianshi Industrial Park"}
          </span>
        </h1>

        <fieldset className="seg" aria-label={tr("zone")} data-testid="header.zone">
          <legend className="visually-hidden">{tr("zone")}</legend>
          {zoneIds.map((id) => (
            <button
              key={id}
              type="button"
              className="seg__btn"
              aria-pressed={zoneFocus === id}
              data-testid={`header.zone.${id}`}
              onClick={() => setZoneFocus(id)}
            >
              {zoneName(id, lang, zones, true)}
            </button>
          ))}
          <button
            type="button"
            className="seg__btn"
            aria-pressed={zoneFocus === "all"}
            data-testid="header.zone.all"
            onClick={() => setZoneFocus("all")}
          >
            {tr("zoneAll")}
          </button>
        </fieldset>

        {/* biome-ignore lint/a11y/noLabelWithoutControl: the date input is inside AsOfInput */}
        <label className="hdr-field hdr-field--compact">
          <span>{tr("asOf")}</span>
          <AsOfInput />
          {asOfUserSet && surveyDate ? (
            <button
              type="button"
              className="link-btn"
              data-testid="header.asOf.reset"
              title={`${tr("surveyDate")} ${surveyDate}`}
              onClick={resetAsOf}
            >
              ↺
            </button>
          ) : null}
        </label>

        {/* Standards: a load button, and beside it which standards apply now (name and edition). */}
        <div className="hdr-field hdr-std">
          <button
            type="button"
            className="btn"
            data-testid="header.standards.load"
            aria-label={tr("standardsLoad")}
            aria-describedby="hdr-std-current"
            title={standardsText ? tr("standardsCurrent", { name: standardsText }) : tr("standardsNone")}
            onClick={() => standardsInput.current?.click()}
          >
            <span className="label-full">{tr("standardsLoad")}</span>
            <span className="label-short" aria-hidden="true">
              {tr("standardsLoadShort")}
            </span>
          </button>
          <span
            id="hdr-std-current"
            className="hdr-std__name"
            data-testid="header.standards.name"
            title={standardsText ? tr("standardsCurrent", { name: standardsText }) : undefined}
          >
            {standardsText ?? tr("standardsNone")}
          </span>
          <input
            ref={standardsInput}
            type="file"
            accept=".json,application/json"
            hidden
            data-testid="header.standards.file"
            onChange={pick(onStandardsFile)}
          />
        </div>

        <button
          type="button"
          className="btn btn--quiet"
          data-testid="header.parcels.load"
          title={importText("buttonTitle", lang)}
          onClick={() => parcelsInput.current?.click()}
        >
          {importText("button", lang)}
        </button>
        <input
          ref={parcelsInput}
          type="file"
          accept=".zip,.shp,.shx,.dbf,.prj,.cpg,.geojson,.json,.csv,.xlsx,application/geo+json,application/json"
          multiple
          hidden
          data-testid="header.parcels.file"
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = "";
            if (files.length > 0) onParcelsFile(files);
          }}
        />
        {children}
        <UndoRedoButtons />

        <span className="hdr-spacer" />

        <label className="hdr-field hdr-field--compact">
          <span>{tr("basemap")}</span>
          <select ref={basemapSelect} value={basemap} onChange={onBasemap} data-testid="basemap.select">
            <option value="none">{tr("basemapNone")}</option>
            <option value="tianditu">{tr("basemapTianditu")}</option>
            <option value="osm">{tr("basemapOsm")}</option>
            <option value="custom">
              {customBasemap
                ? tr("basemapCustomNamed", { name: customBasemap.name })
                : tr("basemapCustomAdd")}
            </option>
          </select>
        </label>
        {basemap === "tianditu" ? (
          <button
            type="button"
            className="link-btn"
            data-testid="tianditu.change"
            onClick={(e) => openKeyDialog(e.currentTarget)}
          >
            {tr("tiandituKeyChange")}
          </button>
        ) : null}
        {basemap === "custom" ? (
          <button
            type="button"
            className="link-btn"
            data-testid="custombasemap.edit"
            aria-label={tr("customBasemapEdit")}
            title={tr("customBasemapEdit")}
            onClick={(e) => {
              customDialogOpener.current = e.currentTarget;
              setCustomDialog(true);
            }}
          >
            <span className="label-full">{tr("customBasemapEditShort")}</span>
            <span className="label-short" aria-hidden="true">
              ✎
            </span>
          </button>
        ) : null}

        <button
          type="button"
          className="btn"
          aria-pressed={theme === "projector"}
          data-testid="header.theme.projector"
          title={tr("theme")}
          onClick={() => setTheme(theme === "projector" ? "default" : "projector")}
        >
          <span className="label-full">{tr("themeProjector")}</span>
          <span className="label-short" aria-hidden="true">
            {tr("themeProjectorShort")}
          </span>
        </button>

        <button
          type="button"
          className="btn lang-btn"
          data-testid="lang.toggle"
          title={tr("langToggleTitle")}
          lang={lang === "zh" ? "en" : "zh-CN"}
          onClick={() => setLang(lang === "zh" ? "en" : "zh")}
        >
          {lang === "zh" ? "EN" : "中文"}
        </button>
      </header>
      <TiandituKeyDialog
        open={keyDialog}
        onSubmit={onKey}
        onCancel={() => setKeyDialog(false)}
        returnFocus={keyDialogOpener}
      />
      <CustomBasemapDialog
        open={customDialog}
        initial={customBasemap}
        onSubmit={(b) => {
          setCustomBasemap(b);
          setCustomDialog(false);
        }}
        onCancel={() => setCustomDialog(false)}
        returnFocus={customDialogOpener}
      />
    </>
  );
}
