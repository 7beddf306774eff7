/**
 * Save project / Open project (header buttons). Opening reads and validates the file first, then
 * asks before replacing the current work — listing the file's problems per item — and opens it
 * as one undoable step.
 */
import { type ChangeEvent, useEffect, useId, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { persistText } from "../i18n/persist";
import { formatProblem } from "../i18n/problems";
import type { Project } from "../io/project-file";
import type { Problem } from "../io/types";
import type { MapControllerApi } from "../map/api";
import type { Engine } from "../state/engine";
import { useAppStore } from "../state/store";
import "./dialog.css";
import { useLang } from "./hooks";
import { applyProject, readProject, saveProject } from "./project";

export interface ProjectControlsProps {
  engine: Engine;
  mapController: MapControllerApi | null;
}

interface Pending {
  project: Project;
  fileName: string;
  problems: Problem[];
}

export function ProjectControls({ engine, mapController }: ProjectControlsProps) {
  const lang = useLang();
  const hasData = useAppStore((s) => !!s.dataset?.ok);
  const input = useRef<HTMLInputElement>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const openBtn = useRef<HTMLButtonElement>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const titleId = useId();
  const menu = useRef<HTMLDetailsElement>(null);
  const closeMenu = () => menu.current?.removeAttribute("open");

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (pending && !d.open) {
      if (typeof d.showModal === "function") d.showModal();
      else d.setAttribute("open", "");
    } else if (!pending && d.open) {
      if (typeof d.close === "function") d.close();
      else d.removeAttribute("open");
      menu.current?.querySelector("summary")?.focus();
    }
  }, [pending]);

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    e.target.value = "";
    if (!f) return;
    const r = await readProject(f);
    if (!r.project) {
      // Nothing changes: say why, per item, where import problems are shown.
      useAppStore.getState().setRejectedFile({ fileName: f.name, problems: r.problems });
      return;
    }
    setPending({ project: r.project, fileName: f.name, problems: r.problems });
  };

  const confirm = async () => {
    const p = pending;
    setPending(null);
    if (!p) return;
    const ok = await applyProject(useAppStore, engine, mapController, p.project, p.fileName);
    if (!ok && p.problems.length > 0)
      useAppStore.getState().setRejectedFile({ fileName: p.fileName, problems: p.problems });
  };

  const parcels = pending?.project.dataset.fileName ?? "";
  const edits = pending
    ? pending.project.history.steps
        .slice(0, pending.project.history.applied)
        .reduce((n, s) => n + s.edits.length, 0)
    : 0;

  return (
    <>
      <details className="hdr-menu" data-testid="project.menu" ref={menu}>
        <summary className="btn btn--quiet" data-testid="project.menu.toggle">
          {persistText("projectMenu", lang)}
        </summary>
        <div className="hdr-menu__list">
          <button
            type="button"
            className="btn btn--quiet"
            data-testid="project.save"
            title={persistText("projectSaveTitle", lang)}
            disabled={!hasData}
            onClick={() => {
              closeMenu();
              void saveProject(useAppStore, engine, mapController);
            }}
          >
            {persistText("projectSave", lang)}
          </button>
          <button
            ref={openBtn}
            type="button"
            className="btn btn--quiet"
            data-testid="project.open"
            title={persistText("projectOpenTitle", lang)}
            onClick={() => {
              closeMenu();
              input.current?.click();
            }}
          >
            {persistText("projectOpen", lang)}
          </button>
        </div>
      </details>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="project.file"
        onChange={(e) => void onFile(e)}
      />
      {createPortal(
        <dialog
          ref={dialog}
          className="key-dialog"
          aria-labelledby={titleId}
          data-testid="project.confirm"
          onCancel={(e) => {
            e.preventDefault();
            setPending(null);
          }}
        >
          <form
            className="key-dialog__form"
            onSubmit={(e) => {
              e.preventDefault();
              void confirm();
            }}
          >
            <h2 id={titleId} className="key-dialog__title">
              {persistText("projectConfirmTitle", lang)}
            </h2>
            <p className="key-dialog__text">
              {persistText("projectConfirm", lang, { file: pending?.fileName ?? "", parcels, edits })}
            </p>
            {pending && pending.problems.length > 0 ? (
              <>
                <p className="key-dialog__text">
                  {persistText("projectProblems", lang, { file: pending.fileName })}
                </p>
                <ul className="key-dialog__text" data-testid="project.problems">
                  {pending.problems.map((p, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: problems have no identity; order is the file's
                    <li key={i}>{formatProblem(p, lang)}</li>
                  ))}
                </ul>
              </>
            ) : null}
            <div className="key-dialog__actions">
              <button
                type="button"
                className="btn"
                data-testid="project.cancel"
                onClick={() => setPending(null)}
              >
                {lang === "zh" ? "取消" : "Cancel"}
              </button>
              <button type="submit" className="btn btn--primary" data-testid="project.ok">
                {persistText("projectConfirmOk", lang)}
              </button>
            </div>
          </form>
        </dialog>,
        document.body,
      )}
    </>
  );
}
