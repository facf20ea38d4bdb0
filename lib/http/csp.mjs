// @ts-check
// The Content-Security-Policy, in plain JavaScript because Next loads the cache handler (which uses it) outside the
// bundle. Types: ./csp.d.mts.
//
// Pages rendered per request get a nonce (proxy.ts); Next puts it on every script it writes. A cached page was
// rendered before its request, so it cannot carry one: its policy lists the SHA-256 of each inline script instead,
// computed when the page is written to the cache (lib/server/cache-handler.mjs). Only Next's own inline scripts are
// listed, recognised by their exact shape (FRAMEWORK_SCRIPTS below): each of them only pushes a string of data onto
// `self.__next_f` (the page's React Server Components payload) or starts that array. Anything else that found its
// way into the HTML — a <script> smuggled into a product's description past React's escaping — has no hash in the
// policy and does not run.
import { createHash } from "node:crypto";

/** @param {boolean} https */
function common(https) {
  return [
    // Inline style attributes (e.g. the width of the where-your-money-goes bar) cannot carry a nonce.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
}

/**
 * The whole policy. `nonce`: a page rendered per request. `hashes`: a cached page, whose inline scripts are listed
 * and whose script files come from this origin ('strict-dynamic' would need a hash for each of them too).
 * @param {{ nonce: string } | { hashes: string[] }} scripts
 * @param {boolean} dev
 * @param {boolean} https
 */
export function contentSecurityPolicy(scripts, dev, https) {
  const scriptSrc =
    "nonce" in scripts
      ? `script-src 'self' 'nonce-${scripts.nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`
      : `script-src 'self'${scripts.hashes.map((h) => ` 'sha256-${h}'`).join("")}`;
  return ["default-src 'self'", scriptSrc, `connect-src 'self'${dev ? " ws:" : ""}`, ...common(https)].join("; ");
}

/**
 * What the proxy sends with a cached page: everything but scripts (no script-src, no default-src), since the
 * browser enforces both policies and the cached page's own says which scripts run.
 * @param {boolean} https
 */
export function basePolicy(https) {
  return ["connect-src 'self'", ...common(https)].join("; ");
}

const NEXT_START = "(self.__next_f=self.__next_f||[]).push([0])";
const NEXT_PUSH = ["self.__next_f.push(", ")"];
const TURBOPACK_PUSH = ['(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push(', ");"];

/** The JSON between a prefix and a suffix, or undefined when the body is not exactly that. */
function jsonBetween(/** @type {string} */ body, /** @type {string[]} */ [prefix, suffix]) {
  if (!body.startsWith(prefix) || !body.endsWith(suffix)) return undefined;
  try {
    return JSON.parse(body.slice(prefix.length, body.length - suffix.length));
  } catch {
    return undefined;
  }
}

const isChunkList = (/** @type {unknown} */ v) => Array.isArray(v) && v.every((c) => typeof c === "string" && /^static\/chunks\/[\w.-]+\.js$/.test(c));
const isIdList = (/** @type {unknown} */ v) => Array.isArray(v) && v.every((c) => typeof c === "number" || typeof c === "string");

/**
 * Next's inline scripts in a page, each of which only hands data to the framework: the start of the payload array;
 * one push of a chunk of the payload (JSON: a number and a string); and Turbopack's list of the page's script files
 * (JSON: file names under static/chunks, which 'self' allows anyway, and module ids). The data is parsed as JSON,
 * so a script that does anything else, however it is dressed up, is not one of them.
 * @param {string} body
 */
export function isFrameworkScript(body) {
  if (body === NEXT_START) return true;
  const push = jsonBetween(body, NEXT_PUSH);
  if (push !== undefined) {
    return Array.isArray(push) && Number.isInteger(push[0]) && (push.length === 1 || (push.length === 2 && (typeof push[1] === "string" || push[1] === null)));
  }
  const chunks = jsonBetween(body, TURBOPACK_PUSH);
  if (chunks !== undefined && chunks !== null && typeof chunks === "object" && !Array.isArray(chunks)) {
    const { otherChunks, runtimeModuleIds, ...rest } = /** @type {Record<string, unknown>} */ (chunks);
    return Object.keys(rest).length === 0 && isChunkList(otherChunks ?? []) && isIdList(runtimeModuleIds ?? []);
  }
  return false;
}

/**
 * The base64 SHA-256 of each distinct inline script of the HTML that is one of Next's (isFrameworkScript); the
 * others are left out, so they are blocked.
 * @param {string} html
 * @returns {string[]}
 */
export function frameworkScriptHashes(html) {
  const hashes = new Set();
  for (const m of html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi)) {
    const body = m[1];
    if (body && isFrameworkScript(body)) hashes.add(createHash("sha256").update(body, "utf8").digest("base64"));
  }
  return [...hashes];
}
