// `node tests/bench/redis-revalidate.mjs` (a Redis on REDIS_TEST_URL or 127.0.0.1:6379; its keys are removed after).
// One revalidateTag, by number of cached entries: @fortedigital's redis-strings store against lib/server/cache-store.mjs,
// same Redis, same entries (3 tags each, 2 KB), measured alternately (7 calls each, p50).
import createRedisHandler from "@fortedigital/nextjs-cache-handler/redis-strings";
import { createClient } from "@redis/client";
import { createTagTimeStore } from "../../lib/server/cache-store.mjs";
const client = createClient({ url: process.env.REDIS_TEST_URL || "redis://127.0.0.1:6379" });
await client.connect();
const run = `bench-${process.pid}`;
const pkg = createRedisHandler({ client, keyPrefix: `${run}-pkg:`, timeoutMs: 30_000 });
const ours = createTagTimeStore({ client, keyPrefix: `${run}-ours:`, timeoutMs: 30_000 });
const value = { kind: "FETCH", data: { headers: {}, body: "x".repeat(2000), status: 200, url: "" }, revalidate: 60 };
const out = [];
let have = 0;
const p50 = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const n of [1_000, 10_000, 40_000]) {
  for (; have < n; have++) {
    const e = { lastModified: Date.now(), lifespan: { expireAt: Math.floor(Date.now() / 1000) + 3600, staleAt: 0, lastModifiedAt: 0, revalidate: 60, staleAge: 60, expireAge: 3600 }, tags: [`product:p${have}`, `cooperative:c${have % 30}`, `village:v${have % 50}`], value };
    await Promise.all([pkg.set(`k${have}`, e, {}), ours.set(`k${have}`, e)]);
  }
  const a = [], b = [], g = [];
  for (let i = 0; i < 7; i++) {
    let t = performance.now(); await pkg.revalidateTag(`product:p${i * 97}`); a.push(performance.now() - t);
    t = performance.now(); await ours.revalidateTag(`product:p${i * 97 + 1}`); b.push(performance.now() - t);
    t = performance.now(); await ours.get(`k${i * 97 + 2}`, { implicitTags: ["_N_T_/layout", "_N_T_/products/layout", "_N_T_/products/x"] }); g.push(performance.now() - t);
  }
  out.push({ entries: n, packageRevalidateMs: +p50(a).toFixed(2), oursRevalidateMs: +p50(b).toFixed(2), ratio: +(p50(a) / p50(b)).toFixed(0), oursGetMs: +p50(g).toFixed(2) });
}
console.log(JSON.stringify(out, null, 1));
for (const p of [`${run}-pkg:`, `${run}-ours:`]) {
  const keys = [];
  for await (const batch of client.scanIterator({ MATCH: `${p}*`, COUNT: 5000 })) keys.push(...batch);
  for (let i = 0; i < keys.length; i += 5000) await client.unlink(keys.slice(i, i + 5000));
}
client.destroy();
