import { connection } from "next/server";
import { checkHealth } from "@/lib/server/health";

export async function GET() {
  // Asked on every request, never prerendered.
  await connection();
  const health = await checkHealth();
  return Response.json(health, { status: health.db === "ok" ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
