/**
 * The React harness of the UI component tests (happy-dom): a fresh store and a root attached to
 * the document for each test, unmounted and removed afterwards. Setup a test file adds in its own
 * `beforeEach` runs after this one (hooks run in the order they are registered).
 */
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, beforeEach } from "vitest";
import { resetAppStore } from "../../../src/state/store";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export interface ReactRoot {
  readonly root: Root;
  readonly el: HTMLElement;
}

/** Call at the top of a test file; read `root` and `el` inside tests and hooks. */
export function withReactRoot(): ReactRoot {
  const dom = {} as { root: Root; el: HTMLElement };
  beforeEach(() => {
    resetAppStore();
    dom.el = document.createElement("div");
    document.body.appendChild(dom.el);
    dom.root = createRoot(dom.el);
  });
  afterEach(() => {
    act(() => dom.root.unmount());
    dom.el.remove();
  });
  return dom;
}
