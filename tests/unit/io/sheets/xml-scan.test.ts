/**
 * The callback tokenizer `scanXml` (the worksheet's fast path) gives exactly the events and
 * attribute values of the event tokenizer `xmlEvents`, on the sheet fixtures and on mutated and
 * hand-made awkward markup (bounded: a fixed seed, a few hundred cases).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { scanXml, type XmlEvent, xmlEvents } from "../../../../src/io/readers/xml";

const FIX = join(__dirname, "../../../fixtures/io/sheets");

/** scanXml's events in xmlEvents' shape, attributes asked for by the names xmlEvents found. */
function scanned(xml: string, reference: XmlEvent[]): XmlEvent[] {
  const out: XmlEvent[] = [];
  const opens = reference.filter((e) => e.kind === "open");
  let k = 0;
  scanXml(xml, {
    open(tag) {
      // the names xmlEvents found, and some it did not (which must be absent here too)
      const names = new Set([...Object.keys(opens[k++]?.attrs ?? {}), "r", "t", "s", "id", "ref", "b", "zz"]);
      const attrs: Record<string, string> = Object.create(null);
      for (const n of names) {
        const v = tag.attr(n);
        if (v !== undefined) attrs[n] = v;
      }
      out.push({ kind: "open", name: tag.name, attrs, selfClosing: tag.selfClosing });
    },
    close: (name) => out.push({ kind: "close", name }),
    text: (text) => out.push({ kind: "text", text }),
  });
  return out;
}
const same = (xml: string) => {
  const ref = [...xmlEvents(xml)];
  expect(scanned(xml, ref)).toEqual(ref);
};

const AWKWARD = [
  `<c r="A1" t="s" s='3'><v>0</v></c>`,
  `<row r = "2"  spans="1:3"><c r="B2"/></row>`,
  `<x:c x:r="A1" r="B1"/><sheet r:id="rId1"/><sheet id="a" r:id="b"/><sheet r:id="b" id="a"/>`,
  `<a b=c d="e"/><a b="x/> y"/><a b="unclosed/><a =" x"/>`,
  `<a\u00a0b="1"/><a\tb="&amp;&#x4e2d;&lt;"/>text &gt; &unknown; <![CDATA[<raw>]]><!-- c --><?pi x?><!DOCTYPE y>`,
  `<>< /x></ x ><a/><//>tail`,
  `<a "b"="c" b'="d'/><a b="1" b="2"/><a p:b="1" q:b="2"/>`,
  `<v>1`,
  `<!-- unterminated`,
  `<![CDATA[ unterminated`,
];

describe("scanXml ≡ xmlEvents", () => {
  it("on every part of the sheet fixtures", () => {
    for (const name of ["figures.xlsx", "grouped-header.xlsx", "dates-1904.xlsx", "parcels-ewkt.xlsx"]) {
      const parts = unzipSync(new Uint8Array(readFileSync(join(FIX, name))));
      for (const [path, bytes] of Object.entries(parts))
        if (path.endsWith(".xml") || path.endsWith(".rels")) same(new TextDecoder().decode(bytes));
    }
  });
  it.each(AWKWARD)("on awkward markup %#", (xml) => same(xml));
  it("on mutated worksheets (fixed seed)", () => {
    const base = new TextDecoder().decode(
      unzipSync(new Uint8Array(readFileSync(join(FIX, "grouped-header.xlsx"))))["xl/worksheets/sheet1.xml"]!,
    );
    let seed = 42;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const pieces = ["<", ">", '"', "'", "/", "=", " ", ":", "&amp;", "&#", "<!--", "]]>", "\u00a0", "x"];
    for (let n = 0; n < 300; n++) {
      let xml = base;
      for (let m = 0; m < 1 + Math.floor(rnd() * 4); m++) {
        const at = Math.floor(rnd() * xml.length);
        const op = rnd();
        const piece = pieces[Math.floor(rnd() * pieces.length)]!;
        xml =
          op < 0.4
            ? xml.slice(0, at) + piece + xml.slice(at)
            : op < 0.8
              ? xml.slice(0, at) + xml.slice(at + 1 + Math.floor(rnd() * 5))
              : xml.slice(0, at);
      }
      same(xml);
    }
  });
});
