/**
 * A notice drawn onto an exported map image (the synthetic-data mark): a band along the top
 * edge with the text, so the picture cannot circulate as a map of real parcels. Browser-only
 * (canvas); the map controller's PNG is decoded, stamped and encoded again.
 */

/** Draw `text` in a band across the top of `canvas` (scaled to the image width). */
export function drawNotice(ctx: CanvasRenderingContext2D, width: number, text: string): void {
  const size = Math.max(14, Math.round(width / 60));
  const pad = Math.round(size * 0.6);
  const band = size + pad * 2;
  ctx.save();
  ctx.fillStyle = "rgba(255, 248, 230, 0.92)";
  ctx.fillRect(0, 0, width, band);
  ctx.fillStyle = "#e6c36a";
  ctx.fillRect(0, band - 2, width, 2);
  ctx.fillStyle = "#5a3e00";
  ctx.font = `bold ${size}px "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif`;
  ctx.textBaseline = "middle";
  ctx.fillText(`⚠ ${text}`, pad, band / 2, width - pad * 2);
  ctx.restore();
}

/** The PNG `blob` with `text` drawn across its top. */
export async function stampPng(blob: Blob, text: string): Promise<Blob> {
  const image = await createImageBitmap(blob);
  const canvas = document.createElement("canvas");
  canvas.width = image.width;
  canvas.height = image.height;
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("canvas 2d context unavailable");
  ctx.drawImage(image, 0, 0);
  image.close();
  drawNotice(ctx, canvas.width, text);
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("PNG export failed"))), "image/png"),
  );
}
