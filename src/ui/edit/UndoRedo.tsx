/**
 * Undo and redo: header buttons naming the step ("撤销：修改 HTK-012 累计固定资产投资"), and
 * Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y (⌘ on a Mac) anywhere but while typing in a text field, where
 * the browser's own text undo applies.
 */
import { useEffect } from "react";
import { editText, redoText, undoText } from "../../i18n/edits";
import { selectRedoStep, selectUndoStep } from "../../state/slices/scenarios";
import { useAppStore } from "../../state/store";
import { useLang } from "../hooks";
import "./edit.css";

const NOT_TEXT = new Set([
  "checkbox",
  "radio",
  "button",
  "submit",
  "reset",
  "file",
  "range",
  "color",
  "image",
]);

/** The user is typing where the browser's text undo applies (a text field with pending text). */
export function isTypingTarget(t: EventTarget | null): boolean {
  const el = t as HTMLElement | null;
  if (!el || typeof el.tagName !== "string") return false;
  if (el.isContentEditable || el.tagName === "TEXTAREA") return true;
  if (el.tagName !== "INPUT") return false;
  if (NOT_TEXT.has((el as HTMLInputElement).type)) return false;
  // A parcel field with nothing typed since its last commit: app undo (see FieldEditor).
  return el.dataset.appUndo !== "true";
}

/** Which history action a key event asks for, if any. */
export function undoRedoKey(e: Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "shiftKey" | "altKey">) {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  const k = e.key.toLowerCase();
  if (k === "z") return e.shiftKey ? "redo" : "undo";
  if (k === "y" && !e.shiftKey) return "redo";
  return null;
}

/** Listen for the undo/redo keys on the window while mounted. */
export function useUndoRedoKeys(): void {
  const undo = useAppStore((s) => s.undo);
  const redo = useAppStore((s) => s.redo);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const action = undoRedoKey(e);
      if (!action || isTypingTarget(e.target)) return;
      e.preventDefault();
      if (action === "undo") undo();
      else redo();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [undo, redo]);
}

export function UndoRedoButtons() {
  const lang = useLang();
  // What Ctrl+Z works on now: the open scenario's own steps (and the base's made there), else the main history.
  const u = useAppStore(selectUndoStep);
  const r = useAppStore(selectRedoStep);
  const undo = useAppStore((s) => s.undo);
  const redo = useAppStore((s) => s.redo);
  useUndoRedoKeys();
  const mac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);
  const mod = mac ? "⌘" : "Ctrl+";
  const undoName = undoText(u, lang);
  const redoName = redoText(r, lang);
  return (
    <fieldset className="seg undo-redo" aria-label={`${editText("undo", lang)} / ${editText("redo", lang)}`}>
      <button
        type="button"
        className="btn btn--quiet"
        disabled={!u}
        aria-label={undoName}
        title={`${undoName} (${mod}Z)`}
        data-testid="header.undo"
        onClick={undo}
      >
        <span aria-hidden="true">↶</span> <span className="label-full">{editText("undo", lang)}</span>
      </button>
      <button
        type="button"
        className="btn btn--quiet"
        disabled={!r}
        aria-label={redoName}
        title={`${redoName} (${mod}${mac ? "⇧Z" : "Y"})`}
        data-testid="header.redo"
        onClick={redo}
      >
        <span aria-hidden="true">↷</span> <span className="label-full">{editText("redo", lang)}</span>
      </button>
    </fieldset>
  );
}
