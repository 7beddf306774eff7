/**
 * The land review meeting's data (issue 9): the joint meeting's members, the meeting setup, a
 * decision on a parcel, and a note or photo attached to a parcel. Plain serialisable data: they
 * travel in edits (`edits.ts`), storage and project files. Rules on decisions: `decisions.ts`.
 */
import type { IsoDate } from "./types";

/**
 * The members of the park's joint meeting (联席会议, action plan 2021–2023, "Governance"):
 * chaired by the county's deputy head, with the park committee, the county bureaus and the town
 * government. Codes are stored; a department the user types that is not a code is stored as typed.
 */
export const JOINT_MEETING_MEMBERS = {
  "deputy-county-head": { zh: "县人民政府分管副县长", en: "Deputy county head (chair)" },
  "park-committee": { zh: "园区管委会", en: "Park management committee" },
  "development-reform": { zh: "县发展和改革局", en: "County Development and Reform Bureau" },
  "science-economy": { zh: "县科技和经济信息化局", en: "County Science, Economy and Information Bureau" },
  finance: { zh: "县财政局", en: "County Finance Bureau" },
  "natural-resources": { zh: "县自然资源和规划局", en: "County Natural Resources and Planning Bureau" },
  "housing-construction": {
    zh: "县住房和城乡建设局",
    en: "County Housing and Urban-Rural Development Bureau",
  },
  "emergency-management": { zh: "县应急管理局", en: "County Emergency Management Bureau" },
  "market-supervision": { zh: "县市场监督管理局", en: "County Market Supervision Bureau" },
  statistics: { zh: "县统计局", en: "County Statistics Bureau" },
  "ecology-environment": {
    zh: "州生态环境局建始县分局",
    en: "Ecology and Environment Bureau, Jianshi branch",
  },
  "changliang-town": { zh: "长梁镇人民政府", en: "Changliang Town Government" },
} as const satisfies Record<string, { zh: string; en: string }>;

export type MemberCode = keyof typeof JOINT_MEETING_MEMBERS;
export const MEMBER_CODES = Object.keys(JOINT_MEETING_MEMBERS) as MemberCode[];

export function isMemberCode(v: unknown): v is MemberCode {
  return typeof v === "string" && Object.hasOwn(JOINT_MEETING_MEMBERS, v);
}

/** A member (code or typed name) in a language: the code's label, or the name as typed. */
export function memberLabel(member: string, lang: "zh" | "en"): string {
  return isMemberCode(member) ? JOINT_MEETING_MEMBERS[member][lang] : member;
}

/** The meeting as set up at its start (会议信息). */
export interface MeetingSetup {
  /** Empty: the default title (土地利用联席会议 …). */
  title: string;
  date: IsoDate;
  place: string;
  /** Who chairs: a member code or a typed name. */
  chair: string;
  /** Attending members (codes or typed names), in the order chosen. */
  attendees: string[];
  /** The attendee who records the decisions (全过程留痕: every decision names them). */
  recorder: string;
  /** The departments a decision can be given to (default: every member; editable). */
  departments: string[];
}

/** The decisions of 处置决定, in the order the control lists them. */
export const DECISION_KINDS = [
  "keep",
  "rectify",
  "idle-fee",
  "negotiated-recovery",
  "recovery-without-compensation",
  "reallocate",
  "other",
] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

export function isDecisionKind(v: unknown): v is DecisionKind {
  return typeof v === "string" && (DECISION_KINDS as readonly string[]).includes(v);
}

export const DECISION_LABELS: Record<DecisionKind, { zh: string; en: string }> = {
  keep: { zh: "保留观察", en: "Keep and watch" },
  rectify: { zh: "限期整改", en: "Rectify by a deadline" },
  "idle-fee": { zh: "收取闲置费", en: "Charge the idle fee" },
  "negotiated-recovery": { zh: "协议收回", en: "Negotiated recovery" },
  "recovery-without-compensation": { zh: "无偿收回", en: "Recovery without compensation" },
  reallocate: { zh: "腾笼换鸟", en: "Reallocate to a new project" },
  other: { zh: "其他", en: "Other" },
};

/** The meeting's decision on one parcel. */
export interface Decision {
  kind: DecisionKind;
  /** The responsible department: a member code or a typed name ("" = not given). */
  department: string;
  deadline?: IsoDate;
  note?: string;
  /** Who recorded it (the meeting's recorder at the time). When: the edit step's `at`. */
  recorder: string;
}

/** A note or photo attached to a parcel (user work, kept with the edits). */
export interface Attachment {
  id: string;
  type: "note" | "photo";
  /** The note, or a photo's caption. */
  text: string;
  /** A photo: a `data:image/jpeg;base64,…` URL, downscaled on attach (see `MAX_PHOTO_DATA_URL`). */
  dataUrl?: string;
  /** The photo's file name as picked. */
  name?: string;
  /** ISO date and time it was attached. */
  at: string;
  /** Who attached it (the recorder when in a meeting), "" when unknown. */
  by: string;
}

/** Longest photo data URL kept (about 600 KB of JPEG): larger ones are refused, not stored. */
export const MAX_PHOTO_DATA_URL = 800_000;
/** Longest edge of a photo as stored, px (photos are downscaled to it on attach). */
export const PHOTO_MAX_EDGE = 1280;

/** A typed member name as stored: the code when it is a member's name (zh or en), else the trimmed text. */
export function memberFromText(text: string): string {
  const t = text.trim();
  for (const code of MEMBER_CODES) {
    const m = JOINT_MEETING_MEMBERS[code];
    if (m.zh === t || m.en === t || code === t) return code;
  }
  return t;
}

/** A new meeting's setup: today, chaired by the deputy county head, every member attending, no recorder yet. */
export function defaultMeetingSetup(date: IsoDate): MeetingSetup {
  return {
    title: "",
    date,
    place: "",
    chair: "deputy-county-head",
    attendees: [...MEMBER_CODES],
    recorder: "",
    departments: MEMBER_CODES.filter((c) => c !== "deputy-county-head"),
  };
}
