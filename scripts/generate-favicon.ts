// Writes app/favicon.ico from app/icon.svg: 16, 32 and 48 px PNGs (rendered by sharp, which Next.js already
// installs) in one ICO container, for browsers and tools that ask for /favicon.ico. Run after changing the icon:
// `npx tsx scripts/generate-favicon.ts`.
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import sharp from "sharp";

const root = fileURLToPath(new URL("../", import.meta.url));
const SIZES = [16, 32, 48];

const svg = await readFile(`${root}app/icon.svg`);
const pngs = await Promise.all(SIZES.map((size) => sharp(svg, { density: 384 }).resize(size, size).png().toBuffer()));

// ICONDIR (6 bytes), one ICONDIRENTRY (16 bytes) per image, then the PNGs (PNG-in-ICO, read by every current browser).
const header = Buffer.alloc(6 + 16 * pngs.length);
header.writeUInt16LE(0, 0); // reserved
header.writeUInt16LE(1, 2); // type: icon
header.writeUInt16LE(pngs.length, 4);
let offset = header.length;
pngs.forEach((png, i) => {
  const entry = 6 + 16 * i;
  const size = SIZES[i]!;
  header.writeUInt8(size % 256, entry); // width (0 means 256)
  header.writeUInt8(size % 256, entry + 1); // height
  header.writeUInt8(0, entry + 2); // no palette
  header.writeUInt8(0, entry + 3); // reserved
  header.writeUInt16LE(1, entry + 4); // colour planes
  header.writeUInt16LE(32, entry + 6); // bits per pixel
  header.writeUInt32LE(png.length, entry + 8);
  header.writeUInt32LE(offset, entry + 12);
  offset += png.length;
});

await writeFile(`${root}app/favicon.ico`, Buffer.concat([header, ...pngs]));
console.log(`app/favicon.ico: ${SIZES.join(", ")} px, ${offset} bytes`);
