/**
 * The renderer's surface on a 2D canvas at print resolution (the 300-DPI PNG): the same page specs
 * and drawing code as the PDF (`src/io/pdf/render.ts`), so the PNG is the PDF's page as pixels.
 */
import type { Surface } from "../../io/pdf/render";
import type { XY } from "../../io/pdf/scene";

export function canvasSurface(ctx: CanvasRenderingContext2D, dpi: number, fontFamily: string): Surface {
  const px = dpi / 25.4; // pixels per mm
  const ptPx = dpi / 72; // pixels per pt
  const trace = (rings: readonly (readonly XY[])[], closed: boolean) => {
    ctx.beginPath();
    for (const r of rings) {
      r.forEach(([x, y], i) => {
        if (i === 0) ctx.moveTo(x * px, y * px);
        else ctx.lineTo(x * px, y * px);
      });
      if (closed) ctx.closePath();
    }
  };
  return {
    path(rings, style, closed = true) {
      trace(rings, closed);
      if (style.fill && closed) {
        ctx.globalAlpha = style.fillOpacity ?? 1;
        ctx.fillStyle = style.fill;
        ctx.fill("nonzero");
      }
      if (style.stroke) {
        ctx.globalAlpha = style.strokeOpacity ?? 1;
        ctx.strokeStyle = style.stroke;
        ctx.lineWidth = (style.width ?? 0.2) * px;
        ctx.lineJoin = "round";
        ctx.setLineDash(style.dash ? style.dash.map((d) => d * px) : []);
        ctx.stroke();
      }
      ctx.globalAlpha = 1;
    },
    text(s, x, y, style) {
      ctx.font = `${style.size * ptPx}px "${fontFamily}"`;
      ctx.fillStyle = style.color ?? "#000000";
      ctx.textAlign = style.align ?? "left";
      ctx.textBaseline = "alphabetic";
      ctx.fillText(s, x * px, y * px);
    },
    measure(s, size) {
      ctx.font = `${size * ptPx}px "${fontFamily}"`;
      return ctx.measureText(s).width / px;
    },
    clip(rings) {
      ctx.save();
      trace(rings, true);
      ctx.clip("nonzero");
    },
    restore() {
      ctx.restore();
    },
  };
}
