import pg from "pg";

// Rendered on every request, reading the database each time: the baseline a cached page must beat.
export const dynamic = "force-dynamic";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

export default async function Page() {
  const { rows } = await pool.query(
    `SELECT p."slug", p."nameZh", p."priceFen", p."stock", c."nameZh" AS "cooperative"
       FROM "Product" p JOIN "Cooperative" c ON c."id" = p."cooperativeId"
      WHERE p."certificationStatus" = 'CERTIFIED' AND c."status" = 'CERTIFIED'
      ORDER BY p."featured" DESC, p."slug" LIMIT 12`,
  );
  return (
    <main>
      <h1>唐县好物</h1>
      <ul>
        {rows.map((p) => (
          <li key={p.slug}>
            <a href={`/products/${p.slug}`}>{p.nameZh}</a> · {p.cooperative} · ¥{(p.priceFen / 100).toFixed(2)} · {p.stock}
          </li>
        ))}
      </ul>
    </main>
  );
}
