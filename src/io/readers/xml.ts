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

/** JavaScript's `\s` (what the event tokenizer's regular expressions split on), by char code. */
function isSpace(c: number): boolean {
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    (c > 0x7f &&
      (c === 0xa0 ||
        c === 0x1680 ||
        (c >= 0x2000 && c <= 0x200a) ||
        c === 0x2028 ||
        c === 0x2029 ||
        c === 0x202f ||
        c === 0x205f ||
        c === 0x3000 ||
        c === 0xfeff))
  );
}
/** A character of an attribute name (`[^\s=/>]`). */
const isNameChar = (c: number) => c !== 0x3d && c !== 0x2f && c !== 0x3e && !isSpace(c);

/**
 * An opening tag as `scanXml` hands it over: valid only during the `open` call (the same object
 * is reused for the next tag). Attributes are read on demand, without building a record.
 */
export interface XmlTag {
  /** Local name (prefix dropped). */
  readonly name: string;
  readonly selfClosing: boolean;
  /** An attribute's entity-decoded value, as `XmlOpen.attrs[name]` would give it. */
  attr(name: string): string | undefined;
}

class Tag implements XmlTag {
  name = "";
  selfClosing = false;
  from = 0;
  to = 0;
  /** The attributes found (name start, name end, value start, value end), once asked for. */
  private spans: number[] = [];
  private scanned = false;
  constructor(private readonly xml: string) {}

  reset(name: string, from: number, to: number, selfClosing: boolean): void {
    this.name = name;
    this.from = from;
    this.to = to;
    this.selfClosing = selfClosing;
    this.scanned = false;
  }

  /** The matches of ATTR_RE, found as the regular expression finds them (see parseAttrs). */
  private scan(): void {
    const xml = this.xml;
    const spans = this.spans;
    spans.length = 0;
    const to = this.to;
    let p = this.from;
    while (p < to) {
      if (!isNameChar(xml.charCodeAt(p))) {
        p++;
        continue;
      }
      let e = p + 1;
      while (e < to && isNameChar(xml.charCodeAt(e))) e++;
      let k = e;
      while (k < to && isSpace(xml.charCodeAt(k))) k++;
      if (k >= to || xml.charCodeAt(k) !== 0x3d) {
        p++;
        continue;
      }
      k++;
      while (k < to && isSpace(xml.charCodeAt(k))) k++;
      const q = xml.charCodeAt(k);
      const close = k < to && (q === 0x22 || q === 0x27) ? xml.indexOf(q === 0x22 ? '"' : "'", k + 1) : -1;
      if (close < 0 || close >= to) {
        p++;
        continue;
      }
      spans.push(p, e, k + 1, close);
      p = close + 1;
    }
    this.scanned = true;
  }

  attr(wanted: string): string | undefined {
    if (!this.scanned) this.scan();
    const xml = this.xml;
    const spans = this.spans;
    const w = wanted.length;
    let exact = -1;
    let local = -1;
    for (let i = 0; i < spans.length; i += 4) {
      const p = spans[i] as number;
      const e = spans[i + 1] as number;
      const len = e - p;
      if (len === w && xml.startsWith(wanted, p)) exact = i;
      else if (
        local < 0 &&
        len > w + 1 &&
        xml.charCodeAt(e - w - 1) === 0x3a &&
        xml.startsWith(wanted, e - w) &&
        xml.lastIndexOf(":", e - w - 2) < p
      )
        local = i;
    }
    const at = exact >= 0 ? exact : wanted.includes(":") ? -1 : local;
    return at < 0 ? undefined : decodeEntities(xml.slice(spans[at + 2] as number, spans[at + 3] as number));
  }
}

/** What `scanXml` calls, in document order. */
export interface XmlHandler {
  open?(tag: XmlTag): void;
  close?(name: string): void;
  /** Entity-decoded text (CDATA as it is). */
  text?(text: string): void;
}

/**
 * The same events as `xmlEvents`, handed to callbacks without an object per event or per
 * attribute: for a worksheet's hundreds of thousands of cells (`src/io/readers/xlsx.ts`).
 */
export function scanXml(xml: string, h: XmlHandler): void {
  const n = xml.length;
  const tag = new Tag(xml);
  let i = 0;
  while (i < n) {
    const lt = xml.indexOf("<", i);
    if (lt < 0) {
      if (i < n) h.text?.(decodeEntities(xml.slice(i)));
      return;
    }
    if (lt > i && h.text) h.text(decodeEntities(xml.slice(i, lt)));
    const c1 = xml.charCodeAt(lt + 1);
    if (c1 === 0x21 || c1 === 0x3f) {
      if (xml.startsWith("<!--", lt)) {
        const end = xml.indexOf("-->", lt + 4);
        if (end < 0) return;
        i = end + 3;
        continue;
      }
      if (xml.startsWith("<![CDATA[", lt)) {
        const end = xml.indexOf("]]>", lt + 9);
        if (end < 0) return;
        h.text?.(xml.slice(lt + 9, end));
        i = end + 3;
        continue;
      }
      const end = xml.indexOf(">", lt + 2);
      if (end < 0) return;
      i = end + 1;
      continue;
    }
    // a tag: find its end outside quoted attribute values
    let j = lt + 1;
    let quote = 0;
    for (; j < n; j++) {
      const c = xml.charCodeAt(j);
      if (quote) {
        if (c === quote) quote = 0;
      } else if (c === 0x22 || c === 0x27) quote = c;
      else if (c === 0x3e) break;
    }
    if (j >= n) return;
    i = j + 1;
    if (c1 === 0x2f) {
      h.close?.(localName(xml.slice(lt + 2, j).trim()));
      continue;
    }
    const selfClosing = j - 1 > lt && xml.charCodeAt(j - 1) === 0x2f;
    const innerEnd = selfClosing ? j - 1 : j;
    let k = lt + 1;
    while (k < innerEnd && !isSpace(xml.charCodeAt(k))) k++;
    if (k === lt + 1) continue;
    tag.reset(localName(xml.slice(lt + 1, k)), k, innerEnd, selfClosing);
    h.open?.(tag);
  }
}
