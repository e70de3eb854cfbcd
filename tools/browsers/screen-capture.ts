/**
 * What a virtual screen shows: the pixels a person would see, not the page's DOM, which a
 * driver's own screenshot may render instead. Read as an XWD image, either from the file Xvfb
 * draws into (readFramebuffer) or through the X server with xwd (Debian's x11-apps). The XWD
 * format is small and fixed; no maintained library reads it, so it is read here.
 */
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/**
 * A virtual screen as it is at this moment, read from the file Xvfb draws into (the
 * `framebuffer` of startVirtualScreen): a few milliseconds, where xwd takes 50 to 300. It shows
 * the pointer too, which xwd leaves out: that only covers what is under it.
 */
export function readFramebuffer(framebuffer: string): Buffer {
  return readFileSync(framebuffer);
}

/** The display as it is at this moment, through the X server. */
export async function captureXwd(display: string): Promise<Buffer> {
  const { stdout } = await run("xwd", ["-root", "-silent", "-display", display], {
    encoding: "buffer",
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
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
 * How many pixels of an XWD image (a TrueColor ZPixmap, as xwd and Xvfb write from a 24-bit
 * screen) show the site: the header's brand colour and the quick exit's red. A page hidden at
 * once shows none; a few pixels of anti-aliasing never match all three channels.
 */
export function countSitePixels(xwd: Buffer, colours: readonly string[] = SITE_COLOURS): number {
  // The header is 25 big-endian 32-bit fields, then the window's name.
  const field = (index: number) => xwd.readUInt32BE(index * 4);
  const [headerSize, width, height] = [field(0), field(4), field(5)];
  const [byteOrder, bitsPerPixel, bytesPerLine] = [field(7), field(11), field(12)];
  const [redMask, greenMask, blueMask] = [field(14), field(15), field(16)];
  const colourCount = field(19);
  if (field(2) !== 2 || (bitsPerPixel !== 32 && bitsPerPixel !== 24)) {
    throw new Error(`Unexpected XWD image: format ${field(2)}, ${bitsPerPixel} bits a pixel.`);
  }
  const [redShift, greenShift, blueShift] = [redMask, greenMask, blueMask].map((mask) => Math.log2(mask & -mask));
  const isSite = siteColourTable(colours);
  // Plain loops over the bytes: a screen is most of a million pixels, read many times a test.
  const bytes = new Uint8Array(xwd.buffer, xwd.byteOffset, xwd.length);
  const bytesPerPixel = bitsPerPixel / 8;
  const [first, last, step] = byteOrder === 0 ? [bytesPerPixel - 1, -1, -1] : [0, bytesPerPixel, 1];
  let count = 0;
  for (let y = 0; y < height; y += 1) {
    let at = headerSize + colourCount * 12 + y * bytesPerLine;
    for (let x = 0; x < width; x += 1, at += bytesPerPixel) {
      let value = 0;
      for (let byte = first; byte !== last; byte += step) value = value * 256 + bytes[at + byte]!;
      const rgb =
        (((value & redMask) >>> redShift!) << 16) |
        (((value & greenMask) >>> greenShift!) << 8) |
        ((value & blueMask) >>> blueShift!);
      count += isSite[rgb]!;
    }
  }
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
