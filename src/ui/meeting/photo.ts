/**
 * A picked photo made small enough to keep with the work (IndexedDB, project files): drawn onto a
 * canvas with its longest edge at most `PHOTO_MAX_EDGE` px and saved as JPEG; refused when even
 * a lower quality stays above `MAX_PHOTO_DATA_URL`.
 */
import { MAX_PHOTO_DATA_URL, PHOTO_MAX_EDGE } from "../../domain/meeting";

export async function downscalePhoto(file: Blob): Promise<string | null> {
  const bitmap = await createImageBitmap(file);
  try {
    const scale = Math.min(1, PHOTO_MAX_EDGE / Math.max(bitmap.width, bitmap.height));
    const w = Math.max(1, Math.round(bitmap.width * scale));
    const h = Math.max(1, Math.round(bitmap.height * scale));
    const canvas = document.createElement("canvas");
    canvas.width = w;
    canvas.height = h;
    const ctx = canvas.getContext("2d");
    if (!ctx) return null;
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, w, h);
    ctx.drawImage(bitmap, 0, 0, w, h);
    for (const q of [0.8, 0.6, 0.4]) {
      const url = canvas.toDataURL("image/jpeg", q);
      if (url.length <= MAX_PHOTO_DATA_URL) return url;
    }
    return null;
  } finally {
    bitmap.close();
  }
}
