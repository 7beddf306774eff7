/**
 * Shapefile (`.zip`, or loose `.shp/.shx/.dbf/.prj/.cpg`) → raw features.
 *
 * STUB of the shp branch's reader (issue 8 contract): says the format is not built yet in this
 * tree; the owner's version replaces it at merge.
 */
import type { ImportOptions, InputFile, RawFeatureSet } from "./types";

export function readShapefile(files: InputFile[], _opts: ImportOptions): RawFeatureSet[] {
  const file = files.find((f) => /\.(shp|zip)$/i.test(f.name))?.name ?? files[0]?.name ?? "";
  return [
    {
      file,
      format: "shapefile",
      features: [],
      fields: [],
      problems: [
        {
          severity: "error",
          code: "format-not-built-yet",
          fatal: true,
          file,
          params: { format: "Shapefile" },
        },
      ],
    },
  ];
}
