/** The same-origin path under which MapLibre's worker fetches a page Blob (see `maplibre-worker-fetch.ts`). */
export const BLOB_PATH = "/__jiyue-blob/";
