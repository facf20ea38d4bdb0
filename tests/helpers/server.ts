import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import net from "node:net";
import path from "node:path";

const NEXT_BIN = path.resolve("node_modules/next/dist/bin/next");

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      srv.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** A started `next start`; `output()` is everything it has printed so far (stdout and stderr). */
export type StartedServer = ChildProcess & { output(): string };

/**
 * Starts the built app (`next start`) and resolves once it answers; `ready` is the path polled
 * (any HTTP answer counts, so a server whose database is down still counts as started).
 */
export async function startServer(port: number, env: Record<string, string>, ready = "/api/health"): Promise<StartedServer> {
  // The next binary itself, not through npx, so that killing the child stops the server. Bound to "localhost", not
  // "127.0.0.1" (which it resolves to here): with a literal loopback address Next 16.4 takes proxy.ts's locale
  // rewrite for an external one and fetches the page from itself (vercel/next.js#94745).
  const child = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(port), "-H", "localhost"], {
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      // As deployed: `next start` keeps an inherited NODE_ENV, and vitest's is "test", under which the app's
      // production-only rules (the developer outbox hidden, AUTH_SECRET required) would not hold.
      NODE_ENV: "production",
      SITE_URL: `http://127.0.0.1:${port}`,
      // A fresh signing key per test server; the developer outbox page, so tests can read reset mails.
      AUTH_SECRET: randomBytes(32).toString("base64"),
      DEV_OUTBOX: "1",
      // The app compresses, whatever a developer's .env says (Next loads it after this environment, without overriding).
      COMPRESSION: "app",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited early:\n${output}`);
    try {
      await fetch(`http://127.0.0.1:${port}${ready}`);
      return Object.assign(child, { output: () => output });
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  child.kill();
  throw new Error(`next start did not answer within 60 s:\n${output}`);
}
