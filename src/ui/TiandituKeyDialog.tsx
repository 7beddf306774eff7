/**
 * Asks for the user's own Tianditu key (tk) in a modal `<dialog>`: focus goes to the input, Enter
 * submits, Escape and 取消 cancel, and focus returns to the element that opened it. The key is
 * handed to `onSubmit` trimmed and is never logged; an empty key counts as cancel (the current
 * basemap stays).
 */
import { type FormEvent, type KeyboardEvent, type RefObject, useEffect, useId, useRef } from "react";
import "./dialog.css";
import { useT } from "./hooks";

export interface TiandituKeyDialogProps {
  /** Shown (modal) while true. */
  open: boolean;
  /** Called with the trimmed, non-empty key. */
  onSubmit(key: string): void;
  /** Escape, 取消, or an empty key. */
  onCancel(): void;
  /** Focus goes back here when the dialog closes. */
  returnFocus?: RefObject<HTMLElement | null>;
}

export function TiandituKeyDialog({ open, onSubmit, onCancel, returnFocus }: TiandituKeyDialogProps) {
  const tr = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const titleId = useId();
  const descId = useId();

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open) {
      if (input.current) input.current.value = "";
      if (!d.open) {
        if (typeof d.showModal === "function") d.showModal();
        else d.setAttribute("open", "");
      }
      input.current?.focus();
      return;
    }
    if (d.open) {
      if (typeof d.close === "function") d.close();
      else d.removeAttribute("open");
      returnFocus?.current?.focus();
    }
  }, [open, returnFocus]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const key = input.current?.value.trim() ?? "";
    if (input.current) input.current.value = "";
    if (key) onSubmit(key);
    else onCancel();
  };
  const cancel = () => {
    if (input.current) input.current.value = "";
    onCancel();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "Escape") {
      e.preventDefault();
      cancel();
    }
  };

  return (
    <dialog
      ref={dialog}
      className="key-dialog"
      aria-labelledby={titleId}
      aria-describedby={descId}
      data-testid="tianditu.dialog"
      onKeyDown={onKeyDown}
      // The browser's own Escape handling (close request): cancel through our state instead.
      onCancel={(e) => {
        e.preventDefault();
        cancel();
      }}
    >
      <form className="key-dialog__form" onSubmit={submit}>
        <h2 id={titleId} className="key-dialog__title">
          {tr("tiandituKeyTitle")}
        </h2>
        <div id={descId}>
          <p className="key-dialog__text">{tr("tiandituKeyExplain")}</p>
          <p className="key-dialog__text key-dialog__where">{tr("tiandituKeyWhere")}</p>
        </div>
        <label className="key-dialog__field">
          <span>{tr("tiandituKeyPrompt")}</span>
          <input
            ref={input}
            type="password"
            autoComplete="off"
            spellCheck={false}
            data-testid="tianditu.key"
          />
        </label>
        <p className="key-dialog__text key-dialog__hint">{tr("tiandituKeyStored")}</p>
        <div className="key-dialog__actions">
          <button type="button" className="btn" data-testid="tianditu.cancel" onClick={cancel}>
            {tr("dialogCancel")}
          </button>
          <button type="submit" className="btn btn--primary" data-testid="tianditu.ok">
            {tr("dialogOk")}
          </button>
        </div>
      </form>
    </dialog>
  );
}
