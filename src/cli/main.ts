/**
 * `jiyue <command> …` (the built bundle: `npx jiyue`, `npm run cli --`): the command line over domain + io.
 * Commands: `analyze` (src/cli/analyze.ts), `targets` (src/cli/targets.ts), `coverage` (src/cli/coverage.ts), `atlas` (src/cli/atlas.ts).
 * Never prints a stack trace: unexpected failures become one line on stderr and exit 2.
 */
import { printable } from "../i18n/escape";

type Command = (args: string[]) => Promise<number>;

const COMMANDS: Record<string, () => Promise<Command>> = {
  analyze: async () => (await import("./analyze")).runAnalyze,
  targets: async () => (await import("./targets")).runTargets,
  coverage: async () => (await import("./coverage")).runCoverage,
  atlas: async () => (await import("./atlas")).runAtlas,
};

const USAGE = `用法 Usage: jiyue <command> [options]   (npx jiyue … | npm run cli -- …)
  analyze <input.geojson|.zip|.shp|project.jiyue.json> [--crs EPSG:4546|"<proj4>"] [--encoding gbk|utf8]
          [--layer <name>]  (a zip holding several Shapefiles: which one; default the largest polygon layer)
          [--standards <file>] [--as-of YYYY-MM-DD]
          [--format geojson|csv|shp] [--out-crs source|EPSG:4326] [--lang zh|en] [--out <file>]
          (--format shp writes a zipped Shapefile: --out <file.zip>; in the source CRS unless --out-crs EPSG:4326)
          [--mapping <m.json>] [--join <figures.xlsx|.csv> [--key 宗地编号 | --key <表列>=<宗地字段>]]
          (input may also be a .csv/.xlsx sheet of parcels with a WKT column)
  targets [--data <dir>] [--format text|json] [--lang zh|en]
  coverage <parcels.geojson> --facilities <facilities.geojson> [--roads <roads.geojson>] [--standards <file>]
          [--suggest kindergarten|school|clinic|leisure|green|bus [--count k] [--greedy]] [--format json|csv] [--lang zh|en]
  atlas <input.geojson> [--agenda candidates|below-standard|<ids.txt>] [--paper A4|A3] [--orientation portrait|landscape]
          [--colour flags|efficiencyClass|idleStatus|landUse] [--standards <file>] [--as-of YYYY-MM-DD] [--lang zh|en] --out <atlas.pdf>`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h") {
    process.stdout.write(`${USAGE}\n`);
    return name ? 0 : 2;
  }
  const load = COMMANDS[name];
  if (!load) {
    process.stderr.write(`未知命令 unknown command: ${printable(name)}\n${USAGE}\n`);
    return 2;
  }
  return (await load())(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    const msg = err instanceof Error ? err.message : String(err);
    process.stderr.write(`内部错误 internal error: ${printable(msg)}\n`);
    process.exitCode = 2;
  },
);
