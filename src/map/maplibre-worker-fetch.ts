import { BLOB_PATH } from "./blob-path";

const scope = self as unknown as WorkerGlobalScope;
const fetchAsIs = scope.fetch.bind(scope);

scope.fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
  const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
  const at = url.indexOf(BLOB_PATH);
  if (at < 0 || !url.startsWith(scope.location.origin)) return fetchAsIs(input, init);
  const id = url.slice(at + BLOB_PATH.length);
  const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
  return fetchAsIs(`blob:${scope.location.origin}/${id}`, signal ? { signal } : {});
};
