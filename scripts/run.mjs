#!/usr/bin/env node
// Runs a TypeScript entry point with the Node flags every package.json script needs, written here once:
//   node scripts/run.mjs [--server] <file.ts> [args…]
// --experimental-wasm-modules: Prisma's WebAssembly schema engine (migrations) is an ES module importing .wasm;
// --no-warnings=ExperimentalWarning: that flag's warning on every run; --import tsx: TypeScript.
// --server adds --conditions=react-server, for entry points that load modules marked `import "server-only"`.
// Plain JavaScript, because it is what makes TypeScript runnable. The flags cannot be set from inside the
// process (Node reads them at start), hence a child process; signals are passed on and its exit code returned.
import { spawn } from "node:child_process";

const args = process.argv.slice(2);
const server = args[0] === "--server";
if (server) args.shift();
if (args.length === 0) {
  console.error("usage: node scripts/run.mjs [--server] <file.ts> [args…]");
  process.exit(2);
}

const flags = ["--experimental-wasm-modules", "--no-warnings=ExperimentalWarning", ...(server ? ["--conditions=react-server"] : []), "--import", "tsx"];
const child = spawn(process.execPath, [...flags, ...args], { stdio: "inherit" });

const signals = /** @type {const} */ (["SIGINT", "SIGTERM", "SIGHUP"]);
for (const signal of signals) process.on(signal, () => child.kill(signal));

child.on("error", (error) => {
  console.error(error);
  process.exit(1);
});
child.on("exit", (code, signal) => {
  if (signal) {
    // Die of the same signal, so whoever started us sees how the child ended.
    for (const s of signals) process.removeAllListeners(s);
    process.kill(process.pid, signal);
    return;
  }
  process.exit(code ?? 1);
});
