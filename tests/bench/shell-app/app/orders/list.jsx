import { cookies } from "next/headers";
import pg from "pg";
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
// The reader's part: the request's cookie and 12 rows from the database (the bare page's query, tests/bench/baseline-app).
export async function Orders() {
  const who = (await cookies()).get("who")?.value ?? "nobody";
  const { rows } = await pool.query(
    `SELECT p."slug", p."nameZh", p."priceFen", p."stock", c."nameZh" AS "cooperative"
       FROM "Product" p JOIN "Cooperative" c ON c."id" = p."cooperativeId"
      WHERE p."certificationStatus" = 'CERTIFIED' AND c."status" = 'CERTIFIED'
      ORDER BY p."featured" DESC, p."slug" LIMIT 12`,
  );
  return (
    <section>
      <p>{who} 的订单</p>
      <ul className="space-y-2">
        {rows.map((p) => (
          <li key={p.slug} className="rounded-lg bg-white p-3 shadow-sm">
            <a href={`/products/${p.slug}`}>{p.nameZh}</a> · {p.cooperative} · ¥{(p.priceFen / 100).toFixed(2)} · {p.stock}
          </li>
        ))}
      </ul>
    </section>
  );
}
