// `npm run bench:gifts`: a union places a 500-recipient gift list (issue 15, item 4: "in under 5 s") on PostgreSQL.
// Needs BENCH_DATABASE_URL (a PostgreSQL server; a throwaway database is created on it, migrated, seeded and dropped).
//
// Each round uploads a new list (CSV: 500 recipients, every one 1–2 units of a product of one cooperative and every
// other one a unit of a second cooperative's product as well: ~750 parcels, ~750 lines), then places it through
// placeGiftList — the function the "place" button's action calls — and times both: the upload (decode, check row by
// row, store the preview) and the placing (one transaction: list locked, products read and priced, the order, its
// shipments, items, reservations, payment and mail in one statement, the stock taken in one). After each round the
// order is checked whole (its parcels, lines and reservations against the list), then cancelled in SQL so the next
// round starts from the same stock. The load average is printed beside every figure (the machines are shared).
// BENCH_GIFTS_RECIPIENTS (default 500), BENCH_GIFTS_ROUNDS (default 5), BENCH_GIFTS_KEEP=1 leaves the database.
import pg from "pg";
import { openDatabase, type Db } from "../../lib/db/client";
import { migrateDeploy } from "../../lib/db/migrations";
import { seedDatabase } from "../../lib/seed";
import { placeGiftList, uploadGiftList } from "../../lib/server/orgs/gift-orders";
import { loadAverage, summarize, throwawayDatabase } from "./support";

const server = process.env.BENCH_DATABASE_URL;
if (!server) {
  console.error("bench:gifts needs BENCH_DATABASE_URL (a PostgreSQL server on which it may create and drop a database)");
  process.exit(2);
}
const RECIPIENTS = Number(process.env.BENCH_GIFTS_RECIPIENTS ?? 500);
const ROUNDS = Number(process.env.BENCH_GIFTS_ROUNDS ?? 5);
const LIMIT_MS = 5_000;

const scratch = await throwawayDatabase(server, "gifts_bench");
let opened: ReturnType<typeof openDatabase> | null = null;
const sql = new pg.Client({ connectionString: scratch.url });
try {
  await migrateDeploy({ kind: "postgres", url: scratch.url });
  opened = openDatabase({ kind: "postgres", url: scratch.url });
  const db: Db = opened.db;
  await seedDatabase(db);
  await sql.connect();

  const [a, b] = await Promise.all(["hongnancheng-yellow-peach-canned", "taihang-jujubes"].map((slug) => db.product.findUniqueOrThrow({ where: { slug }, select: { id: true, nameZh: true } })));
  await db.product.updateMany({ where: { id: { in: [a!.id, b!.id] } }, data: { stock: 1_000_000 } });
  const purchaser = await db.user.create({ data: { email: "bench-purchaser@example.test", name: "工会采购员" }, select: { id: true } });
  const org = await db.organisation.create({
    data: {
      kind: "UNION",
      name: "压测工会",
      creditCode: "BENCH-GIFTS",
      invoiceTitle: "压测工会",
      taxId: "91110105BENCH",
      address: "朝阳区压测路 1 号",
      district: "chaoyang",
      members: { create: { userId: purchaser.id, roles: ["PURCHASER"] } },
    },
    select: { id: true },
  });
  const scope = { organisationId: org.id, actorId: purchaser.id };

  const DISTRICTS = ["朝阳区", "海淀区", "东城区", "西城区", "丰台区", "通州区", "昌平区", "大兴区"];
  const SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗";
  const GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚";
  const listCsv = (round: number) => {
    const rows = [`姓名,手机,区,详细地址,${a!.nameZh},${b!.nameZh}`];
    for (let i = 0; i < RECIPIENTS; i++) {
      const name = `${SURNAMES[i % 20]}${GIVEN[Math.floor(i / 20) % 20]}${GIVEN[(i * 7 + round) % 20]}`;
      rows.push(`${name},139${String(round * 10_000 + i).padStart(8, "0")},${DISTRICTS[i % DISTRICTS.length]},测试路 ${i + 1} 号院 ${(i % 9) + 1} 号楼,${1 + (i % 2)},${i % 2 === 0 ? 1 : ""}`);
    }
    return new TextEncoder().encode(`\uFEFF${rows.join("\r\n")}\r\n`);
  };

  const uploads: number[] = [];
  const places: number[] = [];
  console.log(`bench:gifts on PostgreSQL: ${RECIPIENTS} recipients per list, ${ROUNDS} rounds`);
  for (let round = 1; round <= ROUNDS; round++) {
    const bytes = listCsv(round);
    const load = loadAverage();
    let t0 = performance.now();
    const uploaded = await uploadGiftList(db, { ...scope, fileName: `round-${round}.csv`, bytes });
    const uploadMs = performance.now() - t0;
    if (!uploaded.ok) throw new Error(`upload refused: ${uploaded.key}`);
    t0 = performance.now();
    const placed = await placeGiftList(db, { ...scope, giftListId: uploaded.id });
    const placeMs = performance.now() - t0;
    if (!placed.ok) throw new Error(`place refused: ${placed.code}`);
    uploads.push(uploadMs);
    places.push(placeMs);

    // The order whole: a parcel per recipient and cooperative, a line per recipient and product, reservations = totals.
    const counts = (
      await sql.query<{ shipments: number; items: number; units: number; reserved: number; withAddress: number }>(
        `SELECT (SELECT COUNT(*) FROM "Shipment" WHERE "orderId" = $1)::int AS "shipments",
                (SELECT COUNT(*) FROM "Shipment" WHERE "orderId" = $1 AND "recipient" IS NOT NULL AND "recipientNo" > 0)::int AS "withAddress",
                (SELECT COUNT(*) FROM "OrderItem" WHERE "orderId" = $1)::int AS "items",
                (SELECT SUM("quantity") FROM "OrderItem" WHERE "orderId" = $1)::int AS "units",
                (SELECT SUM("quantity") FROM "StockReservation" WHERE "orderId" = $1 AND "status" = 'ACTIVE')::int AS "reserved"`,
        [placed.orderId],
      )
    ).rows[0]!;
    const half = Math.ceil(RECIPIENTS / 2);
    const wantUnits = RECIPIENTS + Math.floor(RECIPIENTS / 2) + half;
    if (counts.shipments !== RECIPIENTS + half || counts.withAddress !== counts.shipments || counts.items !== RECIPIENTS + half || counts.units !== wantUnits || counts.reserved !== wantUnits) {
      throw new Error(`round ${round}: the order is not whole: ${JSON.stringify(counts)}`);
    }
    console.log(
      `round ${round}: upload+check ${uploadMs.toFixed(0)} ms, place ${placeMs.toFixed(0)} ms (${counts.shipments} parcels, ${counts.items} lines, ${counts.units} units, total ¥${(placed.totalFen / 100).toFixed(2)}); load average ${load}`,
    );
    // Back to the same stock for the next round.
    await sql.query(`UPDATE "Product" SET "stock" = 1000000 WHERE "id" = ANY($1::text[])`, [[a!.id, b!.id]]);
  }
  const u = summarize(uploads);
  const p = summarize(places);
  console.log(`\nupload+check: median ${u.median.toFixed(0)} ms, max ${u.max.toFixed(0)} ms`);
  console.log(`place:        median ${p.median.toFixed(0)} ms, max ${p.max.toFixed(0)} ms`);
  console.log(`upload+place: worst ${Math.max(...uploads.map((x, i) => x + places[i]!)).toFixed(0)} ms (limit ${LIMIT_MS} ms); load average now ${loadAverage()}`);
  if (p.max > LIMIT_MS) process.exitCode = 1;
} finally {
  await sql.end().catch(() => undefined);
  await opened?.close();
  if (process.env.BENCH_GIFTS_KEEP === "1") console.log(`kept ${scratch.url}`);
  else await scratch.drop();
}
