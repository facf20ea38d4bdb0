import "server-only";
import { headers } from "next/headers";

/** The client's address as the proxy in front of us reports it (first X-Forwarded-For hop), else "unknown". */
export function clientIpFrom(h: Headers): string {
  const forwarded = h.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || h.get("x-real-ip")?.trim() || "unknown";
}

export async function clientIp(): Promise<string> {
  return clientIpFrom(await headers());
}
