/**
 * A small, forgiving XML tokenizer for the parts of an OOXML workbook we read (workbook, rels,
 * shared strings, styles, worksheets). No DTDs, no entity expansion beyond the five predefined
 * entities and numeric references (so no "billion laughs"), namespace prefixes dropped from
 * element names. Never throws: malformed markup ends the scan early, nothing more.
 */

export interface XmlOpen {
  kind: "open";
  /** Local name (prefix dropped): `c`, `row`, `si` … */
  name: string;
  attrs: Record<string, string>;
  /** `<x/>`: no separate close event follows. */
  selfClosing: boolean;
}
export interface XmlClose {
  kind: "close";
  name: string;
}
export interface XmlText {
  kind: "text";
  text: string;
}
export type XmlEvent = XmlOpen | XmlClose | XmlText;

const localName = (qname: string): string => {
  const i = qname.indexOf(":");
  return i < 0 ? qname : qname.slice(i + 1);
};

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Decode the predefined entities and numeric character references; anything else is kept as is. */
export function decodeEntities(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z]{2,4});/g, (m, e: string) => {
    if (e[0] === "#") {
      const code =
        e[1] === "x" || e[1] === "X" ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
        ? String.fromCodePoint(code)
        : m;
    }
    return ENTITIES[e] ?? m;
  });
}

const ATTR_RE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function parseAttrs(s: string): Record<string, string> {
  const attrs: Record<string, string> = Object.create(null);
  ATTR_RE.lastIndex = 0;
  for (let m = ATTR_RE.exec(s); m !== null; m = ATTR_RE.exec(s)) {
    const name = m[1] as string;
    const value = decodeEntities(m[2] ?? m[3] ?? "");
    attrs[name] = value;
    // `r:id` is also reachable as `id` when no plain `id` is present
    const local = localName(name);
    if (local !== name && !(local in attrs)) attrs[local] = value;
  }
  return attrs;
}

/**
 * The events of an XML text, in order. Text events are entity-decoded; CDATA is passed as text;
 * comments, processing instructions and declarations are skipped.
 */
export function* xmlEvents(xml: string): Generator<XmlEvent> {
  const n = xml.length;
  let i = 0;
  while (i < n) {
    const lt = xml.indexOf("<", i);
    if (lt < 0) {
      if (i < n) yield { kind: "text", text: decodeEntities(xml.slice(i)) };
      return;
    }
    if (lt > i) yield { kind: "text", text: decodeEntities(xml.slice(i, lt)) };
    if (xml.startsWith("<!--", lt)) {
      const end = xml.indexOf("-->", lt + 4);
      if (end < 0) return;
      i = end + 3;
      continue;
    }
    if (xml.startsWith("<![CDATA[", lt)) {
      const end = xml.indexOf("]]>", lt + 9);
      if (end < 0) return;
      yield { kind: "text", text: xml.slice(lt + 9, end) };
      i = end + 3;
      continue;
    }
    if (xml[lt + 1] === "?" || xml[lt + 1] === "!") {
      const end = xml.indexOf(">", lt + 2);
      if (end < 0) return;
      i = end + 1;
      continue;
    }
    // a tag: find its end outside quoted attribute values
    let j = lt + 1;
    let quote = "";
    for (; j < n; j++) {
      const c = xml[j];
      if (quote) {
        if (c === quote) quote = "";
      } else if (c === '"' || c === "'") quote = c;
      else if (c === ">") break;
    }
    if (j >= n) return;
    const body = xml.slice(lt + 1, j);
    i = j + 1;
    if (body[0] === "/") {
      yield { kind: "close", name: localName(body.slice(1).trim()) };
      continue;
    }
    const selfClosing = body.endsWith("/");
    const inner = selfClosing ? body.slice(0, -1) : body;
    const sp = inner.search(/[\s]/);
    const qname = sp < 0 ? inner : inner.slice(0, sp);
    if (qname === "") continue;
    yield {
      kind: "open",
      name: localName(qname),
      attrs: sp < 0 ? Object.create(null) : parseAttrs(inner.slice(sp)),
      selfClosing,
    };
  }
}
