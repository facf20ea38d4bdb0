import "server-only";
import { headers } from "next/headers";
import { clientIpFrom as clientIpFromChain } from "@/lib/domain/client-ip";
import { env } from "@/lib/server/env";

/**
 * The client's address as the TRUSTED_PROXY_HOPS proxies in front of us report it, else "unknown"
 * (lib/domain/client-ip.ts). The one way the app reads an address: throttles and the audit log go through it.
 */
export function clientIpFrom(h: Headers, trustedHops: number = env.TRUSTED_PROXY_HOPS): string {
  return clientIpFromChain(h, trustedHops);
}

export async function clientIp(): Promise<string> {
  return clientIpFrom(await headers());
}
