// Draws TrustBot's two Teams app icons, deterministically, with no third-party art or packages:
//   color.png    192x192: a white shield with a check mark on the accent colour, full bleed
//   outline.png   32x32:  the same shield and check as a white outline on a transparent background
// Shapes are defined as geometry on the unit square and rendered with 8x8 supersampling.
// Usage: node manifest/draw-icons.mjs [output-folder]   (default: the folder of this script)
import { writeFileSync, mkdirSync } from "node:fs";
import { deflateSync } from "node:zlib";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const ACCENT = [0x1f, 0x6f, 0x8b]; // #1F6F8B, the manifest's accentColor
const WHITE = [255, 255, 255];
const SAMPLES = 8;

// The shield: flat top, straight sides, an elliptical taper to a point at the bottom.
function inShield(u, v, scale = 1) {
  // Scale about the shield's centre so the outline icon can cut an inner shield out of the outer one.
  const cx = 0.5, cy = 0.5;
  u = cx + (u - cx) / scale;
  v = cy + (v - cy) / scale;
  const top = 0.1, shoulder = 0.52, tip = 0.92, halfWidth = 0.36;
  if (v < top || v > tip) return false;
  let w = halfWidth;
  if (v > shoulder) {
    const t = (v - shoulder) / (tip - shoulder);
    w = halfWidth * Math.sqrt(Math.max(0, 1 - t * t));
  }
  return Math.abs(u - cx) <= w;
}

function distanceToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  const x = ax + t * dx - px, y = ay + t * dy - py;
  return Math.sqrt(x * x + y * y);
}

const CHECK = [[0.33, 0.49], [0.45, 0.62], [0.68, 0.36]];
function onCheck(u, v, halfStroke) {
  return distanceToSegment(u, v, CHECK[0], CHECK[1]) <= halfStroke || distanceToSegment(u, v, CHECK[1], CHECK[2]) <= halfStroke;
}

// Renders size x size RGBA pixels; paint(u, v) returns [r, g, b, a] for a point of the unit square.
function render(size, paint) {
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const [r, g, b, a] = paint((x + (sx + 0.5) / SAMPLES) / size, (y + (sy + 0.5) / SAMPLES) / size);
          sum[0] += r * a; sum[1] += g * a; sum[2] += b * a; sum[3] += a;
        }
      }
      const n = SAMPLES * SAMPLES, alpha = sum[3] / n, o = (y * size + x) * 4;
      for (let c = 0; c < 3; c++) pixels[o + c] = alpha === 0 ? 255 : Math.round(sum[c] / sum[3]);
      pixels[o + 3] = Math.round(alpha * 255);
    }
  }
  return pixels;
}

export function drawColor(size = 192) {
  return render(size, (u, v) => {
    if (inShield(u, v, 0.86) && !onCheck(u, v, 0.055)) return [...WHITE, 1];
    return [...ACCENT, 1];
  });
}

export function drawOutline(size = 32) {
  return render(size, (u, v) => {
    const ring = inShield(u, v) && !inShield(u, v, 0.8);
    return ring || onCheck(u, v, 0.05) ? [...WHITE, 1] : [...WHITE, 0];
  });
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4); length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

// An 8-bit RGBA PNG, no interlace, filter 0 on every row.
export function encodePng(size, pixels) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0); header.writeUInt32BE(size, 4);
  header[8] = 8; header[9] = 6; header[10] = 0; header[11] = 0; header[12] = 0;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) pixels.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = process.argv[2] ?? dirname(fileURLToPath(import.meta.url));
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, "color.png"), encodePng(192, drawColor(192)));
  writeFileSync(join(out, "outline.png"), encodePng(32, drawOutline(32)));
  console.log(`color.png (192x192) and outline.png (32x32) written to ${out}`);
}
