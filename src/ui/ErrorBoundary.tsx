/**
 * The last line of defence: if rendering fails (e.g. a saved setting this version cannot use),
 * the page says so in Chinese and English instead of going blank, and offers to export the
 * stored work first (a `.jiyue.json` project file built from IndexedDB) and then to reset the
 * interface settings (the stored text is copied aside first; the work itself is not deleted).
 */
import { Component, type ErrorInfo, type ReactNode } from "react";
import { persistText } from "../i18n/persist";
import { resetStoredSettings } from "../state/persist";

export interface ErrorBoundaryProps {
  children: ReactNode;
  /** Export the stored work as a project file; resolves false when there is nothing to export. */
  exportStoredWork?: () => Promise<boolean>;
}

interface State {
  error: Error | null;
  exported: "idle" | "done" | "none";
}

export class ErrorBoundary extends Component<ErrorBoundaryProps, State> {
  override state: State = { error: null, exported: "idle" };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(_error: Error, _info: ErrorInfo): void {
    // Shown on the page; nothing to send anywhere.
  }

  private both(key: Parameters<typeof persistText>[0]) {
    return (
      <>
        <span lang="zh-CN">{persistText(key, "zh")}</span>
        <span lang="en" className="crash__en">
          {persistText(key, "en")}
        </span>
      </>
    );
  }

  override render() {
    const { error, exported } = this.state;
    if (!error) return this.props.children;
    const exportWork = this.props.exportStoredWork;
    return (
      <main className="crash" role="alert" data-testid="crash">
        <h1 className="crash__title">{this.both("crashTitle")}</h1>
        <p>{this.both("crashExplain")}</p>
        <p className="crash__detail">
          {persistText("crashDetail", "zh")} / {persistText("crashDetail", "en")}：
          <code>{error.message}</code>
        </p>
        <div className="crash__actions">
          {exportWork ? (
            <button
              type="button"
              className="btn"
              data-testid="crash.export"
              disabled={exported !== "idle"}
              onClick={() =>
                void exportWork().then(
                  (ok) => this.setState({ exported: ok ? "done" : "none" }),
                  () => this.setState({ exported: "none" }),
                )
              }
            >
              {exported === "none" ? this.both("crashExportNone") : this.both("crashExport")}
            </button>
          ) : null}
          <button
            type="button"
            className="btn btn--primary"
            data-testid="crash.reset"
            onClick={() => {
              resetStoredSettings();
              location.reload();
            }}
          >
            {this.both("crashReset")}
          </button>
          <button type="button" className="btn" data-testid="crash.reload" onClick={() => location.reload()}>
            {this.both("crashReload")}
          </button>
        </div>
      </main>
    );
  }
}
