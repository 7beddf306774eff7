/**
 * What the browser loads at start-up: the entry chunk of dist/index.html and every chunk it imports
 * statically, raw and gzip (level 9), then the largest source modules of the entry chunk read from
 * its sourcemap. Run after `npx vite build --sourcemap`:
 *
 *   node scripts/bundle-size.mjs [dist] [rows]
 *
 * Lazy chunks (dynamic import()) are not counted: they load with the feature that needs them.
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const dist = process.argv[2] ?? "dist";
const rows = Number(process.argv[3] ?? 25);
const html = fs.readFileSync(path.join(dist, "index.html"), "utf8");
const entry = html.match(/<script type="module"[^>]*src="\/?([^"]+)"/)?.[1];
if (!entry) throw new Error("no module script in index.html");

const seen = new Set();
const queue = [entry];
while (queue.length) {
  const f = queue.shift();
  if (seen.has(f)) continue;
  seen.add(f);
  const code = fs.readFileSync(path.join(dist, f), "utf8");
  for (const m of code.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) queue.push(path.join(path.dirname(f), m[1]));
}
const kb = (n) => `${(n / 1024).toFixed(1).padStart(8)} KB`;
let raw = 0;
let gz = 0;
for (const f of seen) {
  const b = fs.readFileSync(path.join(dist, f));
  const g = zlib.gzipSync(b, { level: 9 }).length;
  raw += b.length;
  gz += g;
  console.log(`${f.padEnd(44)}${kb(b.length)}${kb(g)} gz`);
}
console.log(`${"start-up total".padEnd(44)}${kb(raw)}${kb(gz)} gz`);

// Bytes of the entry chunk per source (npm packages grouped), from the sourcemap's mappings.
const mapFile = path.join(dist, `${entry}.map`);
if (!fs.existsSync(mapFile)) process.exit(0);
const code = fs.readFileSync(path.join(dist, entry), "utf8").split("\n");
const map = JSON.parse(fs.readFileSync(mapFile, "utf8"));
const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const sizes = new Map();
let src = 0;
map.mappings.split(";").forEach((line, li) => {
  const points = [];
  let col = 0;
  for (const seg of line.split(",").filter(Boolean)) {
    const nums = [];
    let v = 0;
    let shift = 0;
    for (const c of seg) {
      const d = B64.indexOf(c);
      v += (d & 31) << shift;
      if (d & 32) shift += 5;
      else {
        nums.push(v & 1 ? -(v >> 1) : v >> 1);
        v = 0;
        shift = 0;
      }
    }
    col += nums[0];
    if (nums.length > 1) src += nums[1];
    points.push([col, nums.length > 1 ? src : -1]);
  }
  const len = code[li]?.length ?? 0;
  points.forEach(([c, s], i) => {
    const end = i + 1 < points.length ? points[i + 1][0] : len;
    const name = s < 0 ? "(unmapped)" : map.sources[s].replace(/^(\.\.\/)+/, "");
    const pkg = name.match(/node_modules\/((@[^/]+\/)?[^/]+)/);
    const key = pkg ? `npm:${pkg[1]}` : name;
    sizes.set(key, (sizes.get(key) ?? 0) + end - c);
  });
});
console.log(`\nlargest sources of ${entry}:`);
for (const [k, v] of [...sizes].sort((a, b) => b[1] - a[1]).slice(0, rows)) console.log(`${kb(v)}  ${k}`);
