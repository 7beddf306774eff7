/** Small analysed-parcel builders for the table tests (plain data, no analysis run). */
import type { AnalysedParcel, ParcelComputed, ParcelInput } from "../../../src/domain/types";
import { parcel as storeParcel } from "../state/helpers";

/** The store tests' parcel builder with a 15 亩 (10,000 m²) default area. */
export function parcel(
  input: Partial<ParcelInput> & { id: string },
  computed: Partial<ParcelComputed> = {},
): AnalysedParcel {
  return storeParcel(input, { areaM2: 10000, areaMu: 15, ...computed });
}
