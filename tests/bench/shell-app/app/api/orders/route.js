// The reader's part as JSON: what the browser would fetch after the static shell.
import pg from "pg";
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
export async function GET(request) {
  const who = request.cookies.get("who")?.value ?? "nobody";
  const { rows } = await pool.query(
    `SELECT p."slug", p."nameZh", p."priceFen", p."stock", c."nameZh" AS "cooperative"
       FROM "Product" p JOIN "Cooperative" c ON c."id" = p."cooperativeId"
      WHERE p."certificationStatus" = 'CERTIFIED' AND c."status" = 'CERTIFIED'
      ORDER BY p."featured" DESC, p."slug" LIMIT 12`,
  );
  return Response.json({ who, orders: rows }, { headers: { "Cache-Control": "private, no-store" } });
}
