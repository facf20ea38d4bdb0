// Draws the shop's sample illustrations as small flat SVGs, deterministically (same data → same bytes; nothing
// is downloaded): one per product (public/images/products/<slug>.svg), per category and per village.
// Run: `npx tsx scripts/generate-images.ts` (writes) or `npx tsx scripts/generate-images.ts --check` (exits 1
// when a file is missing or differs). These are placeholders until cooperatives upload real photos.
import { mkdir, readdir, readFile, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { CATEGORIES, PRODUCTS, type ArtMotif, type SeedProduct } from "../lib/seed/catalog";
import { VILLAGES, type SeedVillage } from "../lib/seed/places";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const OUT = path.join(ROOT, "public", "images");

// ───────────────────────────── helpers ─────────────────────────────

type Rand = () => number;

function rng(text: string): Rand {
  let a = 2166136261;
  for (const ch of text) a = Math.imul(a ^ ch.charCodeAt(0), 16777619);
  a >>>= 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rgb = (hex: string): [number, number, number] => {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
};
const hex = (c: [number, number, number]) => `#${c.map((v) => Math.round(v).toString(16).padStart(2, "0")).join("")}`;
/** a → b by t (0 = a, 1 = b). */
const mix = (a: string, b: string, t: number) => {
  const [x, y] = [rgb(a), rgb(b)];
  return hex([x[0] + (y[0] - x[0]) * t, x[1] + (y[1] - x[1]) * t, x[2] + (y[2] - x[2]) * t]);
};
const light = (c: string, t: number) => mix(c, "#ffffff", t);
const dark = (c: string, t: number) => mix(c, "#1b1b1b", t);
const luminance = (c: string) => {
  const [r, g, b] = rgb(c);
  return (0.299 * r + 0.587 * g + 0.114 * b) / 255;
};
const r0 = (n: number) => Math.round(n);

const escapeXml = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

const svg = (body: string, rawTitle: string, title = escapeXml(rawTitle)) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 800" role="img" aria-label="${title}">` +
  `<title>${title}</title>${body}</svg>\n`;

/** A soft background card: tinted square, a big pale disc behind the subject and its ground shadow. */
function backdrop(color: string, rand: Rand, shadowY = 690): string {
  const bg = mix(color, "#fbf6ec", 0.86);
  const disc = mix(color, "#ffffff", 0.7);
  const cx = r0(380 + rand() * 40);
  return (
    `<rect width="800" height="800" fill="${bg}"/>` +
    `<circle cx="${cx}" cy="400" r="${r0(285 + rand() * 30)}" fill="${disc}"/>` +
    `<ellipse cx="400" cy="${shadowY}" rx="250" ry="26" fill="#000" opacity=".08"/>`
  );
}

// ───────────────────────────── motifs ─────────────────────────────

function leaf(x: number, y: number, rot: number, color: string): string {
  return (
    `<g transform="translate(${x} ${y}) rotate(${rot})"><path d="M0 0C20-30 70-30 90 0C70 30 20 30 0 0Z" fill="${color}"/>` +
    `<path d="M4 0H82" stroke="${dark(color, 0.3)}" stroke-width="3"/></g>`
  );
}

function grapes(x: number, y: number, color: string, r = 22): string {
  const rows = [4, 3, 4, 3, 2, 1];
  let out = `<path d="M${x} ${y - 20}q-6-40 18-60" stroke="#6b4f2a" stroke-width="7" fill="none" stroke-linecap="round"/>`;
  out += leaf(x + 8, y - 46, -20, "#6a9a3a");
  rows.forEach((n, row) => {
    for (let i = 0; i < n; i++) {
      const cx = r0(x + (i - (n - 1) / 2) * r * 1.8);
      const cy = r0(y + row * r * 1.55);
      out += `<circle cx="${cx}" cy="${cy}" r="${r}" fill="${color}"/><circle cx="${cx - 7}" cy="${cy - 7}" r="5" fill="#fff" opacity=".35"/>`;
    }
  });
  return out;
}

function wine(color: string, rand: Rand): string {
  const whiteWine = luminance(color) > 0.55;
  const pickOf = <T,>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)] ?? xs[0]!;
  const glass = whiteWine ? pickOf(["#b9cfa2", "#c9d8b8", "#a9c4a0"]) : pickOf(["#24402f", "#2b2a26", "#3a2b1f", "#1f3340"]);
  const label = pickOf(["#f6efdc", "#ffffff", "#e3cfa6", "#efe3ea"]);
  const grape = whiteWine ? "#9dbb4a" : "#5b2a6e";
  const bx = r0(290 + rand() * 30);
  return (
    grapes(r0(590 + rand() * 20), 200, grape) +
    `<path d="M${bx - 25} 150h50v140c0 40 45 50 45 100v262q0 20-20 20h-100q-20 0-20-20v-262c0-50 45-60 45-100z" fill="${glass}"/>` +
    (whiteWine ? `<path d="M${bx - 66} 470h132v192q0 14-14 14h-104q-14 0-14-14z" fill="${color}" opacity=".85"/>` : "") +
    `<rect x="${bx - 28}" y="138" width="56" height="76" rx="6" fill="${pickOf([dark(color, 0.15), "#c9a227", "#2b2b2b"])}"/>` +
    `<rect x="${bx - 56}" y="430" width="112" height="140" rx="8" fill="${label}"/>` +
    `<circle cx="${bx}" cy="482" r="26" fill="${color}"/><rect x="${bx - 36}" y="524" width="72" height="8" rx="4" fill="${dark(color, 0.2)}"/>` +
    `<rect x="${bx - 26}" y="542" width="52" height="6" rx="3" fill="${light(color, 0.3)}"/>` +
    `<path d="M${bx - 40} 330q6-30 24-50v360q-24-10-24-40z" fill="#fff" opacity=".12"/>` +
    // a glass of the wine
    `<path d="M470 420q0 124 80 124t80-124z" fill="#fff" opacity=".55"/>` +
    `<path d="M478 466q8 70 72 70t72-70z" fill="${color}"/>` +
    `<rect x="544" y="540" width="12" height="100" fill="#fff" opacity=".7"/>` +
    `<ellipse cx="550" cy="644" rx="58" ry="12" fill="#fff" opacity=".7"/>`
  );
}

function jar(color: string, rand: Rand): string {
  const syrup = light(color, 0.6);
  let fruit = "";
  // Fruit fills the jar on a jittered grid, so every jar looks full whatever the seed.
  for (let row = 0; row < 5; row++) {
    for (let col = 0; col < 3; col++) {
      const x = r0(310 + col * 90 + (row % 2) * 30 + (rand() - 0.5) * 24);
      const y = r0(370 + row * 62 + (rand() - 0.5) * 20);
      const s = r0(36 + rand() * 10);
      fruit +=
        (row + col) % 2
          ? `<circle cx="${x}" cy="${y}" r="${s - 4}" fill="${color}"/>`
          : `<path d="M${x - s} ${y}a${s} ${s} 0 0 0 ${2 * s} 0z" fill="${dark(color, 0.1)}" transform="rotate(${r0(rand() * 360)} ${x} ${y})"/>`;
    }
  }
  return (
    `<rect x="250" y="300" width="300" height="370" rx="46" fill="${syrup}"/>` +
    `<clipPath id="j"><rect x="262" y="330" width="276" height="328" rx="38"/></clipPath><g clip-path="url(#j)">${fruit}</g>` +
    `<rect x="250" y="300" width="300" height="370" rx="46" fill="none" stroke="#fff" stroke-width="10" opacity=".6"/>` +
    `<rect x="270" y="250" width="260" height="60" rx="12" fill="${dark(color, 0.25)}"/>` +
    `<rect x="270" y="250" width="260" height="16" rx="8" fill="#fff" opacity=".25"/>` +
    `<rect x="250" y="500" width="300" height="84" fill="#fbf3df"/>` +
    `<circle cx="400" cy="542" r="26" fill="${color}"/>` +
    leaf(404, 518, -60, "#6a9a3a") +
    `<path d="M276 340v290" stroke="#fff" stroke-width="14" stroke-linecap="round" opacity=".35"/>`
  );
}

function bowl(color: string, front: string): string {
  void front;
  return `<path d="M170 520h460q-16 170-230 170t-230-170z" fill="${color}"/><rect x="160" y="506" width="480" height="26" rx="13" fill="${dark(color, 0.15)}"/>`;
}

/** Points heaped in a mound above a bowl's rim, drawn back to front. */
function pile(rand: Rand, count: number, draw: (x: number, y: number, i: number) => string, height = 150): string {
  const points: [number, number][] = [];
  for (let i = 0; i < count; i++) {
    const x = 220 + rand() * 360;
    const top = 520 - height * Math.sqrt(Math.max(0, 1 - ((x - 400) / 190) ** 2));
    points.push([r0(x), r0(top + rand() * (530 - top))]);
  }
  points.sort((a, b) => a[1] - b[1]);
  return points.map(([x, y], i) => draw(x, y, i)).join("");
}

const BOWL = "#8a6a4a";

function walnut(color: string, rand: Rand): string {
  const nut = (x: number, y: number) =>
    `<circle cx="${x}" cy="${y}" r="52" fill="${color}"/><path d="M${x} ${y - 50}q-12 50 0 100" stroke="${dark(color, 0.3)}" stroke-width="5" fill="none"/>` +
    `<path d="M${x - 30} ${y - 20}q12 10 0 30M${x + 28} ${y - 22}q-12 12 0 34" stroke="${dark(color, 0.2)}" stroke-width="4" fill="none"/>`;
  return pile(rand, 9, nut, 170) + bowl(BOWL, color) + leaf(560, 560, -30, "#6a9a3a");
}

function berries(color: string, rand: Rand): string {
  const fruit = (x: number, y: number) =>
    `<ellipse cx="${x}" cy="${y}" rx="30" ry="42" fill="${color}" transform="rotate(${r0(rand() * 90 - 45)} ${x} ${y})"/>` +
    `<ellipse cx="${x - 9}" cy="${y - 14}" rx="7" ry="12" fill="#fff" opacity=".3"/>`;
  return pile(rand, 16, fruit, 150) + bowl("#c9a46c", color);
}

function persimmon(color: string, rand: Rand): string {
  const cake = (x: number, y: number) =>
    `<ellipse cx="${x}" cy="${y}" rx="70" ry="44" fill="${color}"/><ellipse cx="${x}" cy="${y - 6}" rx="56" ry="30" fill="#fff" opacity=".28"/>` +
    `<path d="M${x - 14} ${y - 40}l14 10 14-10-6 16h-16z" fill="#5a4020"/>`;
  let out = "";
  for (let i = 0; i < 3; i++) out += cake(r0(260 + i * 140), r0(560 + rand() * 20));
  for (let i = 0; i < 2; i++) out += cake(r0(330 + i * 140), r0(480 + rand() * 16));
  out += cake(400, 404);
  return `<rect x="150" y="600" width="500" height="40" rx="20" fill="#c9a46c"/>` + out;
}

function peanut(color: string, rand: Rand): string {
  const nut = (x: number, y: number) => {
    const rot = r0(rand() * 180);
    return (
      `<g transform="rotate(${rot} ${x} ${y})"><circle cx="${x - 24}" cy="${y}" r="30" fill="${color}"/><circle cx="${x + 24}" cy="${y}" r="27" fill="${color}"/>` +
      `<rect x="${x - 24}" y="${y - 20}" width="48" height="40" fill="${color}"/>` +
      `<path d="M${x - 40} ${y - 8}h80M${x - 40} ${y + 8}h80" stroke="${dark(color, 0.18)}" stroke-width="3"/></g>`
    );
  };
  return pile(rand, 14, nut, 140) + bowl(BOWL, color);
}

function sack(color: string, rand: Rand): string {
  const cloth = "#d9c29a";
  let spill = "";
  for (let i = 0; i < 30; i++) {
    const x = r0(470 + rand() * 190);
    const y = r0(640 + rand() * 40);
    spill += `<ellipse cx="${x}" cy="${y}" rx="9" ry="7" fill="${i % 3 ? color : dark(color, 0.15)}"/>`;
  }
  return (
    `<path d="M270 330q-60 140-40 300q10 50 60 50h220q50 0 60-50q20-160-40-300z" fill="${cloth}"/>` +
    `<path d="M270 330q130-40 260 0l-20-40h-220z" fill="${dark(cloth, 0.12)}"/>` +
    `<ellipse cx="400" cy="318" rx="128" ry="30" fill="${color}"/>` +
    `<ellipse cx="380" cy="310" rx="40" ry="8" fill="#fff" opacity=".35"/>` +
    `<path d="M250 420q150 30 300 0" stroke="${dark(cloth, 0.2)}" stroke-width="6" fill="none"/>` +
    `<circle cx="400" cy="520" r="62" fill="#fbf3df"/><circle cx="400" cy="520" r="40" fill="${color}"/>` +
    `<path d="M400 560v-70M400 510l-18-16M400 530l18-16M400 490l-14-14" stroke="${dark(color, 0.35)}" stroke-width="5" fill="none" stroke-linecap="round"/>` +
    `<path d="M470 690q60-50 190-10z" fill="${light(color, 0.1)}"/>` +
    spill
  );
}

function beans(color: string, rand: Rand): string {
  const bean = (x: number, y: number, i: number) =>
    `<ellipse cx="${x}" cy="${y}" rx="16" ry="11" fill="${i % 4 ? color : dark(color, 0.2)}" transform="rotate(${r0(rand() * 180)} ${x} ${y})"/>`;
  return pile(rand, 56, bean, 110) + bowl("#3f6d8c", color) + `<path d="M230 560h340" stroke="#fff" stroke-width="6" opacity=".35"/>`;
}

function bee(x: number, y: number): string {
  return (
    `<g transform="translate(${x} ${y})"><ellipse cx="-6" cy="-26" rx="20" ry="14" fill="#fff" opacity=".8"/><ellipse cx="14" cy="-26" rx="20" ry="14" fill="#fff" opacity=".8"/>` +
    `<ellipse cx="0" cy="0" rx="34" ry="24" fill="#f2c230"/><path d="M-10-22v44M8-23v46" stroke="#2b2b2b" stroke-width="9"/><circle cx="30" cy="-4" r="4" fill="#2b2b2b"/></g>`
  );
}

function honey(color: string, rand: Rand): string {
  const cloth = ["#c0392b", "#2f6f9f", "#3b8a57"][Math.floor(rand() * 3)] ?? "#c0392b";
  return (
    `<path d="M260 330q-30 0-30 40v250q0 50 50 50h240q50 0 50-50v-250q0-40-30-40z" fill="${color}"/>` +
    `<path d="M270 360v260" stroke="#fff" stroke-width="16" stroke-linecap="round" opacity=".3"/>` +
    `<path d="M240 300q160-40 320 0l20 40q-180 30-360 0z" fill="${cloth}"/>` +
    `<path d="M250 330q150 22 300 0" stroke="#fff" stroke-width="6" stroke-dasharray="14 12" fill="none" opacity=".7"/>` +
    `<rect x="290" y="300" width="220" height="26" rx="8" fill="${dark(cloth, 0.2)}"/>` +
    `<circle cx="400" cy="500" r="80" fill="#fbf3df"/><path d="M400 448l45 26v52l-45 26-45-26v-52z" fill="${dark(color, 0.1)}"/>` +
    `<path d="M560 300l90-110" stroke="#8a6a4a" stroke-width="14" stroke-linecap="round"/>` +
    `<g fill="#8a6a4a"><rect x="530" y="296" width="60" height="20" rx="10" transform="rotate(-50 560 306)"/><rect x="540" y="270" width="60" height="20" rx="10" transform="rotate(-50 570 280)"/></g>` +
    `<path d="M548 330q4 40 0 60q-8 10-10-2q-4-28 0-56z" fill="${color}"/>` +
    bee(r0(180 + rand() * 40), r0(230 + rand() * 30))
  );
}

function honeycomb(color: string, rand: Rand): string {
  let cells = "";
  const s = 34;
  for (let row = 0; row < 7; row++) {
    for (let col = 0; col < 6; col++) {
      const cx = r0(255 + col * s * 1.75 + (row % 2) * s * 0.87);
      const cy = r0(320 + row * s * 1.5);
      const d = `M${cx} ${cy - s}l${r0(s * 0.87)} ${s / 2}v${s}l${-r0(s * 0.87)} ${s / 2}l${-r0(s * 0.87)} ${-s / 2}v${-s}z`;
      cells += `<path d="${d}" fill="${rand() < 0.2 ? light(color, 0.35) : color}" stroke="${dark(color, 0.25)}" stroke-width="4"/>`;
    }
  }
  return (
    `<rect x="210" y="260" width="380" height="420" rx="18" fill="#8a6a4a"/><rect x="230" y="280" width="340" height="380" rx="8" fill="${dark(color, 0.2)}"/>` +
    `<clipPath id="c"><rect x="230" y="280" width="340" height="380" rx="8"/></clipPath><g clip-path="url(#c)">${cells}</g>` +
    bee(r0(620 + rand() * 30), 240)
  );
}

function mushroom(color: string, rand: Rand): string {
  const one = (x: number, y: number, s: number) => {
    let dots = "";
    for (let i = 0; i < 6; i++) dots += `<circle cx="${r0(x + (rand() - 0.5) * 150 * s)}" cy="${r0(y - 30 * s - rand() * 50 * s)}" r="${r0(5 + rand() * 5)}" fill="#fff" opacity=".5"/>`;
    return (
      `<path d="M${r0(x - 26 * s)} ${y}q-8 ${r0(110 * s)} ${r0(-4 * s)} ${r0(150 * s)}h${r0(60 * s)}q4-${r0(40 * s)}-${r0(4 * s)}-${r0(150 * s)}z" fill="#efe3c8"/>` +
      `<path d="M${r0(x - 110 * s)} ${y}q${r0(10 * s)}-${r0(120 * s)} ${r0(110 * s)}-${r0(120 * s)}t${r0(110 * s)} ${r0(120 * s)}z" fill="${color}"/>` +
      `<path d="M${r0(x - 104 * s)} ${y}h${r0(208 * s)}q-${r0(100 * s)} ${r0(26 * s)}-${r0(208 * s)} 0z" fill="${dark("#efe3c8", 0.15)}"/>` +
      dots
    );
  };
  return one(560, 500, 0.75) + one(260, 520, 0.7) + one(410, 430, 1.05) + leaf(150, 660, -15, "#6a9a3a") + leaf(560, 668, 200, "#7aa84a");
}

function woodear(color: string, rand: Rand): string {
  let out = "";
  for (let i = 0; i < 9; i++) {
    const x = r0(250 + rand() * 300);
    const y = r0(400 + rand() * 110);
    const s = 0.7 + rand() * 0.5;
    out +=
      `<g transform="translate(${x} ${y}) scale(${s.toFixed(2)}) rotate(${r0(rand() * 360)})">` +
      `<path d="M-60 0q-10-50 30-60q20 20 40 0q40 10 40 50q20 30-10 50q-30 10-40-10q-20 30-50 10q-30-10-10-40z" fill="${i % 2 ? color : light(color, 0.12)}"/>` +
      `<path d="M-30-10q20-10 40 10" stroke="${light(color, 0.3)}" stroke-width="5" fill="none"/></g>`;
  }
  return out + bowl("#b7b0a2", color);
}

function pepper(color: string, rand: Rand): string {
  const corn = (x: number, y: number, i: number) => `<circle cx="${x}" cy="${y}" r="14" fill="${i % 4 ? color : dark(color, 0.25)}"/>`;
  return pile(rand, 50, corn, 100) + bowl("#d9c29a", color) + leaf(520, 400, -40, "#4f8a3a") + leaf(530, 410, 10, "#6a9a3a");
}

function tea(color: string, rand: Rand): string {
  const tin = ["#2f6f9f", "#3b7a57", "#9c3d2c"][Math.floor(rand() * 3)] ?? "#3b7a57";
  return (
    `<rect x="200" y="300" width="220" height="360" rx="14" fill="${tin}"/><rect x="190" y="270" width="240" height="60" rx="12" fill="${dark(tin, 0.25)}"/>` +
    `<rect x="220" y="400" width="180" height="170" rx="10" fill="#fbf3df"/>` +
    leaf(262, 500, -35, "#5d8a3a") + leaf(300, 470, 10, "#7aa84a") +
    `<path d="M470 520h200q0 150-100 150t-100-150z" fill="#fff"/><ellipse cx="570" cy="522" rx="96" ry="18" fill="${color}"/>` +
    `<path d="M668 550q50 0 40 40t-60 30" stroke="#fff" stroke-width="14" fill="none"/>` +
    `<path d="M540 480q-16-30 0-60M590 480q-16-30 0-60" stroke="#fff" stroke-width="8" stroke-linecap="round" fill="none" opacity=".7"/>`
  );
}

function gift(color: string, rand: Rand): string {
  const ribbon = luminance(color) > 0.55 ? "#b23a3a" : "#e8c25a";
  let dots = "";
  for (let i = 0; i < 10; i++) dots += `<circle cx="${r0(230 + rand() * 340)}" cy="${r0(420 + rand() * 230)}" r="${r0(6 + rand() * 8)}" fill="#fff" opacity=".15"/>`;
  return (
    `<rect x="210" y="390" width="380" height="290" rx="10" fill="${color}"/>` +
    dots +
    `<rect x="190" y="330" width="420" height="80" rx="10" fill="${dark(color, 0.15)}"/>` +
    `<rect x="370" y="330" width="60" height="350" fill="${ribbon}"/>` +
    `<path d="M400 332q-130-120-150-30q-10 50 150 30z" fill="${ribbon}"/><path d="M400 332q130-120 150-30q10 50-150 30z" fill="${ribbon}"/>` +
    `<circle cx="400" cy="330" r="24" fill="${dark(ribbon, 0.2)}"/>` +
    `<path d="M380 352l-50 90M420 352l50 90" stroke="${ribbon}" stroke-width="22" stroke-linecap="round"/>`
  );
}

const MOTIFS: Record<ArtMotif, (color: string, rand: Rand) => string> = {
  wine,
  jar,
  walnut,
  berries,
  persimmon,
  peanut,
  sack,
  beans,
  honey,
  honeycomb,
  mushroom,
  woodear,
  pepper,
  tea,
  gift,
};

// ───────────────────────────── pictures ─────────────────────────────

export function productSvg(product: SeedProduct): string {
  const rand = rng(product.slug);
  const { motif, color } = product.art;
  return svg(backdrop(color, rand) + MOTIFS[motif](color, rand), `${product.nameZh}（示意插画）`);
}

const CATEGORY_ART: Record<string, { motif: ArtMotif; color: string }> = {
  wine: { motif: "wine", color: "#7a1f3d" },
  "canned-fruit": { motif: "jar", color: "#f5a623" },
  "dried-fruit-nuts": { motif: "walnut", color: "#a0703c" },
  grains: { motif: "sack", color: "#f2c14e" },
  honey: { motif: "honey", color: "#e0a030" },
  "mountain-produce": { motif: "mushroom", color: "#8b5a3c" },
  "gift-boxes": { motif: "gift", color: "#c0392b" },
};

export function categorySvg(slug: string, nameZh: string): string {
  const art = CATEGORY_ART[slug] ?? { motif: "gift" as const, color: "#888888" };
  const rand = rng(`category:${slug}`);
  return svg(backdrop(art.color, rand) + MOTIFS[art.motif](art.color, rand), `${nameZh}（分类插画）`);
}

function house(x: number, y: number, s: number, roof: string): string {
  const w = r0(70 * s);
  const h = r0(46 * s);
  return (
    `<rect x="${x}" y="${y - h}" width="${w}" height="${h}" fill="#f3ead8"/>` +
    `<path d="M${x - r0(8 * s)} ${y - h}l${r0(w / 2 + 8 * s)}-${r0(30 * s)}l${r0(w / 2 + 8 * s)} ${r0(30 * s)}z" fill="${roof}"/>` +
    `<rect x="${x + r0(w / 2 - 8 * s)}" y="${y - r0(24 * s)}" width="${r0(16 * s)}" height="${r0(24 * s)}" fill="#8a6a4a"/>`
  );
}

export function villageSvg(village: SeedVillage): string {
  const rand = rng(`village:${village.slug}`);
  const sky = ["#bfe3f2", "#cde9f4", "#f6e2c6", "#d7ebf3", "#f3d9cf"][Math.floor(rand() * 5)] ?? "#bfe3f2";
  const far = mix("#8fb3a6", "#9aa7c2", rand());
  const near = mix("#7fb069", "#a7c46a", rand());
  const field = mix("#c8d67a", "#e3c26a", rand());
  let out = `<rect width="800" height="800" fill="${sky}"/>`;
  out += `<circle cx="${r0(560 + rand() * 140)}" cy="${r0(150 + rand() * 60)}" r="56" fill="#fff4c8"/>`;
  const peaks = village.scene === "mountain" ? 150 : 70;
  let ridge = "M0 420";
  for (let x = 0; x <= 800; x += 100) ridge += `L${x} ${r0(420 - rand() * peaks - (x % 200 ? 0 : peaks / 2))}`;
  out += `<path d="${ridge}L800 800H0z" fill="${far}"/>`;
  out += `<path d="M0 500q200-70 400-20t400-10V800H0z" fill="${near}"/>`;
  out += `<path d="M0 560q400-40 800 0V800H0z" fill="${field}"/>`;
  switch (village.scene) {
    case "vineyard":
      for (let row = 0; row < 6; row++) {
        const y = 600 + row * 34;
        out += `<path d="M0 ${y}L800 ${y - 10}" stroke="#5d7f3a" stroke-width="14" stroke-dasharray="22 8"/>`;
        for (let x = 30; x < 800; x += 60) out += `<circle cx="${x}" cy="${y + 6}" r="5" fill="#5b2a6e"/>`;
      }
      break;
    case "orchard":
      for (let i = 0; i < 9; i++) {
        const x = 60 + i * 85;
        const y = r0(640 + (i % 2) * 60);
        out += `<rect x="${x - 6}" y="${y - 10}" width="12" height="50" fill="#7a5a3a"/><circle cx="${x}" cy="${y - 30}" r="38" fill="#5f9a4a"/>`;
        out += `<circle cx="${x - 12}" cy="${y - 34}" r="7" fill="#e8a33a"/><circle cx="${x + 14}" cy="${y - 22}" r="7" fill="#e8a33a"/>`;
      }
      break;
    case "greenhouse":
      for (let i = 0; i < 4; i++) {
        const x = 40 + i * 190;
        out += `<path d="M${x} 720v-60q80-70 160 0v60z" fill="#eef4f6" opacity=".9"/><path d="M${x + 40} 720v-95M${x + 80} 720v-104M${x + 120} 720v-95" stroke="#b9c9cf" stroke-width="4"/>`;
      }
      break;
    case "mountain":
      for (let i = 0; i < 7; i++) {
        const x = r0(40 + rand() * 720);
        const y = r0(600 + rand() * 140);
        out += `<path d="M${x} ${y - 70}l30 70h-60z" fill="#4f7f4a"/>`;
      }
      break;
    default:
      for (let row = 0; row < 5; row++) out += `<path d="M0 ${610 + row * 40}Q400 ${580 + row * 42} 800 ${610 + row * 40}" stroke="${dark(field, 0.12)}" stroke-width="6" fill="none"/>`;
  }
  const roof = mix("#b5533c", "#5a6e8a", rand());
  for (let i = 0; i < 4; i++) out += house(r0(90 + i * 70 + rand() * 20), r0(540 + (i % 2) * 8), 0.8 + rand() * 0.3, roof);
  return svg(out, `${village.nameZh}（示意风景）`);
}

// ───────────────────────────── write / check ─────────────────────────────

async function main(): Promise<void> {
  const check = process.argv.includes("--check");
  const files = new Map<string, string>();
  for (const p of PRODUCTS) files.set(path.join("products", `${p.slug}.svg`), productSvg(p));
  for (const c of CATEGORIES) files.set(path.join("categories", `${c.slug}.svg`), categorySvg(c.slug, c.nameZh));
  for (const v of VILLAGES) files.set(path.join("villages", `${v.slug}.svg`), villageSvg(v));

  const problems: string[] = [];
  let largest = 0;
  for (const [rel, content] of files) {
    const file = path.join(OUT, rel);
    largest = Math.max(largest, Buffer.byteLength(content));
    if (check) {
      const current = await readFile(file, "utf8").catch(() => null);
      if (current !== content) problems.push(`${rel} is ${current === null ? "missing" : "out of date"}`);
    } else {
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, content);
    }
  }
  // Remove pictures of products, categories or villages that no longer exist.
  for (const dir of ["products", "categories", "villages"]) {
    const names = await readdir(path.join(OUT, dir)).catch(() => [] as string[]);
    for (const name of names) {
      const rel = path.join(dir, name);
      if (!name.endsWith(".svg") || files.has(rel)) continue;
      if (check) problems.push(`${rel} is stale`);
      else await unlink(path.join(OUT, rel));
    }
  }
  if (check && problems.length > 0) {
    console.error(`images: ${problems.length} problem(s); run \`npx tsx scripts/generate-images.ts\`\n${problems.join("\n")}`);
    process.exitCode = 1;
    return;
  }
  console.log(`images: ${files.size} SVGs ${check ? "up to date" : "written"} in public/images (largest ${largest} bytes)`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
