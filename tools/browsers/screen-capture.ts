/**
 * What a virtual screen shows, read back with xwd (Debian's x11-apps): the pixels a person
 * would see, not the page's DOM, which a driver's own screenshot may render instead.
 * The XWD format is small and fixed; no maintained library reads it, so it is read here.
 */
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface ScreenCapture {
  width: number;
  height: number;
  /** Three bytes a pixel, red, green, blue, row after row. */
  rgb: Uint8Array;
}

/** Reads the whole X display, as it is at this moment. */
export async function captureScreen(display: string): Promise<ScreenCapture> {
  return readXwd(await captureXwd(display));
}

/** The display as an XWD file, left undecoded so that captures can follow each other closely. */
export async function captureXwd(display: string): Promise<Buffer> {
  const { stdout } = await run("xwd", ["-root", "-silent", "-display", display], {
    encoding: "buffer",
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}

/** Decodes a TrueColor ZPixmap XWD image, the kind xwd writes from a 24-bit screen. */
export function readXwd(file: Buffer): ScreenCapture {
  // The header is 25 big-endian 32-bit fields, then the window's name.
  const field = (index: number) => file.readUInt32BE(index * 4);
  const [headerSize, width, height] = [field(0), field(4), field(5)];
  const [byteOrder, bitsPerPixel, bytesPerLine] = [field(7), field(11), field(12)];
  const masks = [field(14), field(15), field(16)];
  const colourCount = field(19);
  if (field(2) !== 2 || (bitsPerPixel !== 32 && bitsPerPixel !== 24)) {
    throw new Error(`Unexpected XWD image: format ${field(2)}, ${bitsPerPixel} bits a pixel.`);
  }
  const pixelsAt = headerSize + colourCount * 12;
  const bytesPerPixel = bitsPerPixel / 8;
  const shifts = masks.map((mask) => Math.log2(mask & -mask));
  const [redMask, greenMask, blueMask] = masks as [number, number, number];
  const [redShift, greenShift, blueShift] = shifts as [number, number, number];
  // Plain loops over the bytes: a screen is most of a million pixels, read many times a test.
  const bytes = new Uint8Array(file.buffer, file.byteOffset, file.length);
  const [first, last, step] = byteOrder === 0 ? [bytesPerPixel - 1, -1, -1] : [0, bytesPerPixel, 1];
  const rgb = new Uint8Array(width * height * 3);
  let out = 0;
  for (let y = 0; y < height; y += 1) {
    let at = pixelsAt + y * bytesPerLine;
    for (let x = 0; x < width; x += 1, at += bytesPerPixel) {
      let value = 0;
      for (let byte = first; byte !== last; byte += step) value = value * 256 + bytes[at + byte]!;
      rgb[out++] = (value & redMask) >>> redShift;
      rgb[out++] = (value & greenMask) >>> greenShift;
      rgb[out++] = (value & blueMask) >>> blueShift;
    }
  }
  return { width, height, rgb };
}

/** The site's own colours, read from its stylesheet: nothing else on screen is drawn in them. */
export const SITE_COLOURS: readonly string[] = siteColours(["--colour-brand", "--colour-exit"]);

function siteColours(names: string[]): string[] {
  const css = readFileSync(join(import.meta.dirname, "..", "..", "src", "styles", "global.css"), "utf8");
  return names.map((name) => {
    const value = new RegExp(`${name}:\\s*(#[0-9a-f]{6})\\b`, "i").exec(css)?.[1];
    if (!value) throw new Error(`${name} is not a six-digit colour in global.css.`);
    return value.toLowerCase();
  });
}

/**
 * How many pixels show the site: the header's brand colour and the quick exit's red. A page
 * hidden at once shows none; a few pixels of anti-aliasing never match all three channels.
 */
export function countSitePixels(capture: ScreenCapture, colours: readonly string[] = SITE_COLOURS): number {
  const wanted = colours.map(
    (hex) => [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16)) as [number, number, number],
  );
  const near = 6;
  const { rgb } = capture;
  let count = 0;
  for (let at = 0; at < rgb.length; at += 3) {
    const r = rgb[at]!;
    const g = rgb[at + 1]!;
    const b = rgb[at + 2]!;
    for (const [wr, wg, wb] of wanted) {
      if (Math.abs(r - wr) <= near && Math.abs(g - wg) <= near && Math.abs(b - wb) <= near) {
        count += 1;
        break;
      }
    }
  }
  return count;
}
