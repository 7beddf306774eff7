/**
 * What could not be restored or saved, said plainly (never dropped silently), and the other-tab
 * banner: this tab does not save while another has the work, and may take it over.
 */
import { persistText, storedWhat } from "../i18n/persist";
import type { StorageNotice } from "../state/slices/persistence";
import { useAppStore } from "../state/store";
import { useLang } from "./hooks";

export interface StorageNoticesProps {
  /** Take the work over from the other tab (absent: no such button). */
  onTakeOver?(): void;
}

function text(n: StorageNotice, lang: "zh" | "en"): string {
  const p = n.params;
  switch (n.code) {
    case "work-quota":
      return persistText("work-quota", lang, { what: storedWhat(String(p.what).split(","), lang) });
    case "work-corrupt":
      return persistText("work-corrupt", lang, { items: storedWhat(String(p.items).split(","), lang) });
    case "other-tab":
      return persistText(p.takenOver ? "otherTabTakenOver" : "other-tab", lang);
    default:
      return persistText(n.code, lang, p);
  }
}

export function StorageNotices({ onTakeOver }: StorageNoticesProps) {
  const lang = useLang();
  const notices = useAppStore((s) => s.storageNotices);
  const dismiss = useAppStore((s) => s.dismissStorageNotice);
  if (notices.length === 0) return null;
  return (
    <section
      className="storage-notices"
      aria-label={persistText("noticesLabel", lang)}
      data-testid="storage.notices"
    >
      {notices.map((n) => (
        <div
          key={n.code}
          className={`notice storage-notice storage-notice--${n.code}`}
          role={n.code === "other-tab" ? "alert" : "status"}
          data-testid={`storage.notice.${n.code}`}
        >
          <span>{text(n, lang)}</span>
          {n.code === "other-tab" && !n.params.takenOver && onTakeOver ? (
            <button type="button" className="btn" data-testid="storage.takeOver" onClick={onTakeOver}>
              {persistText("otherTabTakeOver", lang)}
            </button>
          ) : null}
          {n.code === "other-tab" && n.params.takenOver ? (
            <button
              type="button"
              className="btn"
              data-testid="storage.reload"
              onClick={() => location.reload()}
            >
              {persistText("reload", lang)}
            </button>
          ) : null}
          {n.code !== "other-tab" ? (
            <button
              type="button"
              className="link-btn"
              data-testid={`storage.dismiss.${n.code}`}
              onClick={() => dismiss(n.code)}
            >
              {persistText("dismiss", lang)}
            </button>
          ) : null}
        </div>
      ))}
    </section>
  );
}
