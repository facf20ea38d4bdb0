// Real image bytes for the photo tests, made with sharp: what a phone sends, and what an attacker would.
import { randomBytes } from "node:crypto";
import sharp from "sharp";

const RED = [255, 0, 0] as const;
const BLUE = [0, 0, 255] as const;

/** Raw RGB, left half red and right half blue: after a rotation, where the red went shows which way it turned. */
function halves(width: number, height: number): Buffer {
  const raw = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) raw.set(x < width / 2 ? RED : BLUE, (y * width + x) * 3);
  return raw;
}

/** A 400×200 JPEG stored sideways (EXIF Orientation 6: turn 90° clockwise to view) with a GPS position. */
export async function phoneJpegWithGps(): Promise<Buffer> {
  return sharp(halves(400, 200), { raw: { width: 400, height: 200, channels: 3 } })
    .jpeg({ quality: 90 })
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Make: "TangPhone", Model: "Orchard 12" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "38/1 44/1 30/1", GPSLongitudeRef: "E", GPSLongitude: "114/1 58/1 0/1" },
    })
    .toBuffer();
}

/** True when an EXIF block (little-endian TIFF) holds a GPS IFD pointer (tag 0x8825). */
export const hasGpsPointer = (exif: Buffer | undefined) => Boolean(exif && exif.includes(Buffer.from([0x25, 0x88])));

export const plainImage = (format: "png" | "webp" | "jpeg", width = 300, height = 200) =>
  sharp(halves(width, height), { raw: { width, height, channels: 3 } })[format]().toBuffer();

/** Random noise: JPEG cannot compress it, so a 4000×3000 photo really weighs about 10 MB. */
export async function noisyJpeg(width: number, height: number, quality: number): Promise<Buffer> {
  return sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } }).jpeg({ quality }).toBuffer();
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * A decompression bomb: a real, tiny PNG whose header (IHDR, with a valid checksum) declares width × height
 * pixels. A decoder that trusted it would allocate gigabytes.
 */
export async function pngBomb(width: number, height: number): Promise<Buffer> {
  const png = Buffer.from(await plainImage("png", 8, 8));
  // Signature (8) + length (4) + "IHDR" (4), then width, height, 5 more bytes, then the CRC of type + data.
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
  return png;
}

export async function pixelAt(webp: Uint8Array, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(webp).raw().toBuffer({ resolveWithObject: true });
  const i = (y * info.width + x) * info.channels;
  return [...data.subarray(i, i + 3)];
}

export const isReddish = ([r, g, b]: number[]) => r! > 180 && g! < 80 && b! < 80;
export const isBluish = ([r, g, b]: number[]) => b! > 180 && r! < 80 && g! < 80;
