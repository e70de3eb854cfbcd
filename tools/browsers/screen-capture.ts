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

/**
 * A virtual screen as it is at this moment, read from the file Xvfb draws into (the
 * `framebuffer` of startVirtualScreen): a few milliseconds, where xwd takes 50 to 300. It shows
 * the pointer too, which xwd leaves out: that only covers what is under it.
 */
export function readFramebuffer(framebuffer: string): Buffer {
  return readFileSync(framebuffer);
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
  const { width, height, pixels } = readPixels(file);
  const rgb = new Uint8Array(width * height * 3);
  for (let at = 0; at < pixels.length; at += 1) {
    rgb[at * 3] = pixels[at]! >>> 16;
    rgb[at * 3 + 1] = (pixels[at]! >>> 8) & 0xff;
    rgb[at * 3 + 2] = pixels[at]! & 0xff;
  }
  return { width, height, rgb };
}

/** Every pixel as 0xRRGGBB, row after row, in plain loops: a screen is most of a million pixels. */
function readPixels(file: Buffer): { width: number; height: number; pixels: Uint32Array } {
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
  const [redMask, greenMask, blueMask] = masks as [number, number, number];
  const [redShift, greenShift, blueShift] = masks.map((mask) => Math.log2(mask & -mask)) as [number, number, number];
  const bytes = new Uint8Array(file.buffer, file.byteOffset, file.length);
  const [first, last, step] = byteOrder === 0 ? [bytesPerPixel - 1, -1, -1] : [0, bytesPerPixel, 1];
  const pixels = new Uint32Array(width * height);
  let out = 0;
  for (let y = 0; y < height; y += 1) {
    let at = pixelsAt + y * bytesPerLine;
    for (let x = 0; x < width; x += 1, at += bytesPerPixel) {
      let value = 0;
      for (let byte = first; byte !== last; byte += step) value = value * 256 + bytes[at + byte]!;
      pixels[out++] =
        (((value & redMask) >>> redShift) << 16) |
        (((value & greenMask) >>> greenShift) << 8) |
        ((value & blueMask) >>> blueShift);
    }
  }
  return { width, height, pixels };
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
  const isSite = siteColourTable(colours);
  const { rgb } = capture;
  let count = 0;
  for (let at = 0; at < rgb.length; at += 3) count += isSite[(rgb[at]! << 16) | (rgb[at + 1]! << 8) | rgb[at + 2]!]!;
  return count;
}

/** The same count, straight from an XWD file (captureXwd): faster than decoding it first. */
export function countSitePixelsInXwd(file: Buffer, colours: readonly string[] = SITE_COLOURS): number {
  const isSite = siteColourTable(colours);
  const { pixels } = readPixels(file);
  let count = 0;
  for (let at = 0; at < pixels.length; at += 1) count += isSite[pixels[at]!]!;
  return count;
}

/** How far from a site colour, in each channel, a pixel may be and still count. */
const NEAR = 6;
const tables = new Map<string, Uint8Array>();

/** 1 at 0xRRGGBB for every colour NEAR one of `colours`: 16 MB, made once for each set. */
function siteColourTable(colours: readonly string[]): Uint8Array {
  const key = colours.join();
  let table = tables.get(key);
  if (!table) {
    table = new Uint8Array(1 << 24);
    for (const hex of colours) {
      const [red, green, blue] = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16)) as [number, number, number];
      for (let r = Math.max(0, red - NEAR); r <= Math.min(255, red + NEAR); r += 1) {
        for (let g = Math.max(0, green - NEAR); g <= Math.min(255, green + NEAR); g += 1) {
          for (let b = Math.max(0, blue - NEAR); b <= Math.min(255, blue + NEAR); b += 1) {
            table[(r << 16) | (g << 8) | b] = 1;
          }
        }
      }
    }
    tables.set(key, table);
  }
  return table;
}
