/**
 * The header's 会议模式 button and the key that enters and leaves meeting mode (M, outside text
 * fields and without modifiers; named in the button's title).
 */
import { useEffect } from "react";
import { MEETING_KEY, meetingText } from "../../i18n/meeting";
import type { MapControllerApi } from "../../map/api";
import { useAppStore } from "../../state/store";
import { isTypingTarget } from "../edit/UndoRedo";
import { useLang } from "../hooks";
import { enterMeeting, toggleMeeting } from "./session";

export function MeetingButton({ mapController }: { mapController: MapControllerApi | null }) {
  const lang = useLang();
  const hasResult = useAppStore((s) => s.result !== null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.repeat) return;
      if (e.key.toLowerCase() !== MEETING_KEY) return;
      const t = e.target as HTMLElement | null;
      if (isTypingTarget(t) || t?.tagName === "SELECT") return;
      if (!useAppStore.getState().result) return;
      e.preventDefault();
      toggleMeeting(useAppStore, mapController);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [mapController]);
  return (
    <button
      type="button"
      className="btn btn--quiet"
      data-testid="meeting.enter"
      title={meetingText("enterTitle", lang)}
      aria-keyshortcuts="M"
      disabled={!hasResult}
      onClick={() => enterMeeting(useAppStore, mapController)}
    >
      {meetingText("enter", lang)}
    </button>
  );
}
