// Reading the PNGs the chart endpoint draws: the signature, the size from the IHDR chunk, and pixels
// (decoded with @napi-rs/canvas) to check that what should be drawn is there.
import { createCanvas, loadImage } from '@napi-rs/canvas';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function isPng(bytes: Buffer): boolean {
  return bytes.subarray(0, 8).equals(SIGNATURE) && bytes.toString('latin1', 12, 16) === 'IHDR';
}

/** Width and height from the IHDR chunk, which always comes first. */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

export interface Pixels {
  width: number;
  height: number;
  at(x: number, y: number): [number, number, number, number];
  /** How many pixels are within `tolerance` (per channel) of the colour. */
  count(hex: string, tolerance?: number): number;
}

const rgb = (hex: string) =>
  [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];

export async function pixelsOf(bytes: Buffer): Promise<Pixels> {
  const image = await loadImage(bytes);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  const data = ctx.getImageData(0, 0, image.width, image.height).data;
  return {
    width: image.width,
    height: image.height,
    at: (x, y) => {
      const i = (y * image.width + x) * 4;
      return [data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0, data[i + 3] ?? 0];
    },
    count: (hex, tolerance = 12) => {
      const [r, g, b] = rgb(hex);
      let n = 0;
      for (let i = 0; i < data.length; i += 4) {
        const near =
          Math.abs((data[i] ?? 0) - r) <= tolerance &&
          Math.abs((data[i + 1] ?? 0) - g) <= tolerance &&
          Math.abs((data[i + 2] ?? 0) - b) <= tolerance;
        if (near) n += 1;
      }
      return n;
    },
  };
}
