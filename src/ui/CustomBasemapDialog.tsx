/**
 * Adds or edits the custom basemap (the user's own raster tile server) in a modal `<dialog>`, as
 * the Tianditu key dialog does: focus goes to the URL, Enter submits, Escape and 取消 cancel, and
 * focus returns to the opener. The fields are checked with `validateCustomBasemap` (the same check
 * the stored settings go through); each problem is shown next to its field, named in zh/en, and
 * the first bad field gets the focus. The recognised kind (XYZ, TMS, WMTS …) shows as the URL is typed.
 */
import {
  type FormEvent,
  type KeyboardEvent,
  type RefObject,
  useEffect,
  useId,
  useRef,
  useState,
} from "react";
import type { UiKey } from "../i18n/ui";
import {
  type CustomBasemap,
  type CustomBasemapDraft,
  type CustomBasemapProblem,
  draftOf,
  type TileTemplateKind,
  tileTemplate,
  validateCustomBasemap,
} from "../state/customBasemap";
import "./basemap.css";
import "./dialog.css";
import { useT } from "./hooks";

export interface CustomBasemapDialogProps {
  open: boolean;
  /** The basemap to edit (null: a new one). */
  initial: CustomBasemap | null;
  onSubmit(basemap: CustomBasemap): void;
  onCancel(): void;
  returnFocus?: RefObject<HTMLElement | null>;
}

type Field = keyof CustomBasemapDraft;

const KIND_LABEL: Record<TileTemplateKind, string> = {
  xyz: "XYZ",
  tms: "TMS",
  "wmts-kvp": "WMTS (KVP)",
  "wmts-rest": "WMTS (REST)",
  quadkey: "Quadkey",
  wms: "WMS (GetMap)",
};

/** The message of a problem (the UI key and its parameters). */
export function problemMessage(p: CustomBasemapProblem): { key: UiKey; params?: Record<string, unknown> } {
  const detail = "detail" in p ? { detail: p.detail } : undefined;
  if (p.field === "url") return { key: `tileErr_${p.code}` as UiKey, ...(detail ? { params: detail } : {}) };
  if (p.field === "name") return { key: "tileErr_nameTooLong" };
  if (p.field === "attribution") return { key: "tileErr_attributionTooLong" };
  if (p.field === "subdomains") return { key: "tileErr_subdomains" };
  if (p.field === "tileSize") return { key: "tileErr_tileSize" };
  return { key: p.code === "zoomOrder" ? "tileErr_zoomOrder" : "tileErr_zoom" };
}

const FIELD_ORDER: Field[] = ["url", "name", "attribution", "subdomains", "minzoom", "maxzoom", "tileSize"];

export function CustomBasemapDialog({
  open,
  initial,
  onSubmit,
  onCancel,
  returnFocus,
}: CustomBasemapDialogProps) {
  const tr = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<CustomBasemapDraft>(() => draftOf(initial));
  /** Problems are shown after the first 确定 (and then follow the typing). */
  const [checked, setChecked] = useState(false);
  const titleId = useId();
  const descId = useId();
  const uid = useId();
  const idOf = (f: Field) => `${uid}-${f}`;

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open) {
      setDraft(draftOf(initial));
      setChecked(false);
      if (!d.open) {
        if (typeof d.showModal === "function") d.showModal();
        else d.setAttribute("open", "");
      }
      d.querySelector<HTMLElement>(`[data-field="url"]`)?.focus();
      return;
    }
    if (d.open) {
      if (typeof d.close === "function") d.close();
      else d.removeAttribute("open");
      returnFocus?.current?.focus();
    }
  }, [open, initial, returnFocus]);

  const result = validateCustomBasemap(draft);
  const problems = checked && !result.ok ? result.problems : [];
  const problemOf = (f: Field) => problems.find((p) => p.field === f);
  const tpl = tileTemplate(draft.url, draft.subdomains);
  const set = (f: Field) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [f]: e.target.value }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (result.ok) {
      onSubmit(result.value);
      return;
    }
    setChecked(true);
    const first = FIELD_ORDER.find((f) => result.problems.some((p) => p.field === f));
    if (first) dialog.current?.querySelector<HTMLElement>(`[data-field="${first}"]`)?.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "Escape") {
      e.preventDefault();
      onCancel();
    } else if (e.key === "Enter" && (e.target as HTMLElement).tagName === "TEXTAREA") {
      // The URL is one line: Enter submits, as in the other fields.
      e.preventDefault();
      form.current?.requestSubmit();
    }
  };

  /** aria attributes of a field with its error line. */
  const aria = (f: Field, extra?: string) => {
    const bad = problemOf(f) !== undefined;
    const describedBy = [bad ? `${idOf(f)}-err` : null, extra ?? null].filter(Boolean).join(" ");
    return {
      id: idOf(f),
      "data-field": f,
      "data-testid": `custombasemap.${f}`,
      "aria-invalid": bad,
      ...(describedBy ? { "aria-describedby": describedBy } : {}),
    };
  };
  const error = (f: Field) => {
    const p = problemOf(f);
    if (!p) return null;
    const m = problemMessage(p);
    return (
      <p id={`${idOf(f)}-err`} className="key-dialog__error" data-testid={`custombasemap.error.${f}`}>
        {tr(m.key, m.params)}
      </p>
    );
  };

  return (
    <dialog
      ref={dialog}
      className="key-dialog key-dialog--wide"
      aria-labelledby={titleId}
      aria-describedby={descId}
      data-testid="custombasemap.dialog"
      onKeyDown={onKeyDown}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <form ref={form} className="key-dialog__form" onSubmit={submit} noValidate>
        <h2 id={titleId} className="key-dialog__title">
          {tr("customBasemapTitle")}
        </h2>
        <p id={descId} className="key-dialog__text">
          {tr("customBasemapExplain")}
        </p>
        <div className="key-dialog__field">
          <label htmlFor={idOf("url")}>{tr("customBasemapUrl")}</label>
          <textarea
            {...aria("url", `${uid}-example`)}
            value={draft.url}
            rows={3}
            spellCheck={false}
            autoComplete="off"
            inputMode="url"
            onChange={set("url")}
          />
          <p id={`${uid}-example`} className="key-dialog__example">
            {tr("customBasemapUrlExample")}
          </p>
          {error("url")}
          {tpl.ok ? (
            <p className="key-dialog__kind" data-testid="custombasemap.kind">
              {tr("customBasemapKind", { kind: KIND_LABEL[tpl.template.kind] })}
            </p>
          ) : null}
        </div>
        <div className="key-dialog__row key-dialog__row--2">
          <div className="key-dialog__field">
            <label htmlFor={idOf("name")}>{tr("customBasemapName")}</label>
            <input
              {...aria("name")}
              value={draft.name}
              placeholder={tr("customBasemapNameHint")}
              autoComplete="off"
              onChange={set("name")}
            />
            {error("name")}
          </div>
          <div className="key-dialog__field">
            <label htmlFor={idOf("subdomains")}>{tr("customBasemapSubdomains")}</label>
            <input
              {...aria("subdomains")}
              value={draft.subdomains}
              spellCheck={false}
              onChange={set("subdomains")}
            />
            {error("subdomains")}
          </div>
        </div>
        <div className="key-dialog__field">
          <label htmlFor={idOf("attribution")}>{tr("customBasemapAttribution")}</label>
          <input {...aria("attribution")} value={draft.attribution} onChange={set("attribution")} />
          {error("attribution")}
        </div>
        <div className="key-dialog__row">
          <div className="key-dialog__field">
            <label htmlFor={idOf("minzoom")}>{tr("customBasemapMinzoom")}</label>
            <input
              {...aria("minzoom")}
              type="number"
              min={0}
              max={24}
              step={1}
              value={draft.minzoom}
              onChange={set("minzoom")}
            />
            {error("minzoom")}
          </div>
          <div className="key-dialog__field">
            <label htmlFor={idOf("maxzoom")}>{tr("customBasemapMaxzoom")}</label>
            <input
              {...aria("maxzoom")}
              type="number"
              min={0}
              max={24}
              step={1}
              value={draft.maxzoom}
              onChange={set("maxzoom")}
            />
            {error("maxzoom")}
          </div>
          <div className="key-dialog__field">
            <label htmlFor={idOf("tileSize")}>{tr("customBasemapTileSize")}</label>
            <select {...aria("tileSize")} value={draft.tileSize} onChange={set("tileSize")}>
              <option value="256">256</option>
              <option value="512">512</option>
            </select>
            {error("tileSize")}
          </div>
        </div>
        {problems.length > 0 ? (
          <p className="key-dialog__error" role="alert">
            {tr("customBasemapErrors")}
          </p>
        ) : null}
        <p className="key-dialog__text key-dialog__hint">{tr("customBasemapStored")}</p>
        <div className="key-dialog__actions">
          <button type="button" className="btn" data-testid="custombasemap.cancel" onClick={onCancel}>
            {tr("dialogCancel")}
          </button>
          <button type="submit" className="btn btn--primary" data-testid="custombasemap.ok">
            {tr("dialogOk")}
          </button>
        </div>
      </form>
    </dialog>
  );
}
