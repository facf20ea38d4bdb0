// React's own server-action reply decoder, the one Next runs, as an oracle for tests/unit/action-reply.test.ts.
// Run with `node --conditions=react-server` (the decoder needs React's server build). Reads a JSON array of
// replies on stdin, each { text } (a text/plain body) or { fields: [[name, value]] } (a multipart body; a value
// { file } is a file part), decodes each as Next does (decodeReply for text, decodeReplyFromBusboy for
// multipart), and writes [{ ok, error }] on stdout.
import { createRequire } from "node:module";
import path from "node:path";
import { Readable } from "node:stream";

// Next's compiled copies are CommonJS files without package exports: loaded by path.
const load = createRequire(import.meta.url);
const compiled = path.join(process.cwd(), "node_modules/next/dist/compiled");
const React = load(path.join(compiled, "react-server-dom-webpack/cjs/react-server-dom-webpack-server.node.production.js"));
const busboy = load(path.join(compiled, "busboy"));

const BOUNDARY = "----oracle7MA4YWxkTrZu0gW";

function multipart(fields) {
  const parts = fields.map(([name, value]) =>
    typeof value === "string"
      ? `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`
      : `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"; filename="f.bin"\r\nContent-Type: application/octet-stream\r\n\r\n${value.file}\r\n`,
  );
  return Buffer.from(parts.join("") + `--${BOUNDARY}--\r\n`);
}

async function decode(reply) {
  const options = { temporaryReferences: React.createTemporaryReferenceSet() };
  try {
    if (typeof reply.text === "string") {
      await React.decodeReply(reply.text, {}, options);
    } else {
      const bb = busboy({ defParamCharset: "utf8", headers: { "content-type": `multipart/form-data; boundary=${BOUNDARY}` } });
      const done = new Promise((resolve, reject) => {
        bb.on("close", resolve);
        bb.on("error", reject);
      });
      const decoded = React.decodeReplyFromBusboy(bb, {}, options);
      Readable.from([multipart(reply.fields)]).pipe(bb);
      await Promise.all([done, decoded]);
    }
    return { ok: true };
  } catch (error) {
    return { ok: false, error: String(error && error.message) };
  }
}

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", async () => {
  // Unhandled rejections from a reply's promises are not the decoder throwing; keep the process alive.
  process.on("unhandledRejection", () => {});
  const out = [];
  for (const reply of JSON.parse(input)) out.push(await decode(reply));
  process.stdout.write(JSON.stringify(out));
});
