// The outbox worker on a real database (issue 12, point 4): mail is sent over real SMTP (nodemailer talking to a
// tiny SMTP server started here) and marked SENT; a failing server backs off 1 min, 5 min, 30 min, 2 h, 12 h and
// gives up as FAILED after the last attempt; two workers running at once send each mail once; with no transport
// configured the outbox keeps its mail PENDING. (sendMail's outbox rows: tests/integration/sign-up-enumeration.test.ts.)
import net from "node:net";
import nodemailer from "nodemailer";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import type { Db } from "@/lib/db/client";
import { BACKOFF_MS, CLAIM_LEASE_MS, deliverOutbox, MAX_ATTEMPTS } from "@/lib/server/mail/deliver";
import { enqueueMail } from "@/lib/server/mail/outbox";
import type { MailTransport } from "@/lib/server/mail/transport";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

interface Received {
  from: string;
  to: string[];
  data: string;
}

/** A minimal SMTP server: EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT. `refuse` answers DATA with a 451. */
function startSmtp() {
  const received: Received[] = [];
  const state = { refuse: false };
  const server = net.createServer((socket) => {
    socket.setEncoding("utf8");
    let buffer = "";
    let inData = false;
    let current: Received = { from: "", to: [], data: "" };
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply("220 test-smtp ready");
    socket.on("data", (chunk: string) => {
      buffer += chunk;
      for (;;) {
        if (inData) {
          const end = buffer.indexOf("\r\n.\r\n");
          if (end < 0) return;
          current.data += buffer.slice(0, end);
          buffer = buffer.slice(end + 5);
          inData = false;
          if (state.refuse) reply("451 4.3.0 try again later");
          else {
            received.push(current);
            reply("250 2.0.0 queued");
          }
          current = { from: "", to: [], data: "" };
          continue;
        }
        const nl = buffer.indexOf("\r\n");
        if (nl < 0) return;
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === "EHLO" || verb === "HELO") reply("250 test-smtp");
        else if (verb === "MAIL") {
          current.from = line;
          reply("250 2.1.0 ok");
        } else if (verb === "RCPT") {
          current.to.push(/<([^>]*)>/.exec(line)?.[1] ?? line);
          reply("250 2.1.5 ok");
        } else if (verb === "DATA") {
          inData = true;
          reply("354 end with <CRLF>.<CRLF>");
        } else if (verb === "RSET" || verb === "NOOP") reply("250 ok");
        else if (verb === "QUIT") {
          reply("221 bye");
          socket.end();
        } else reply("502 5.5.2 not implemented");
      }
    });
    socket.on("error", () => {});
  });
  return new Promise<{ port: number; received: Received[]; state: typeof state; close: () => Promise<void> }>((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as net.AddressInfo).port;
      resolve({ port, received, state, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}

let t: TestDatabase;
let db: Db;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let transport: MailTransport;

beforeAll(async () => {
  t = await createTestDatabase("shop_outbox");
  db = t.db;
  smtp = await startSmtp();
  transport = nodemailer.createTransport({ host: "127.0.0.1", port: smtp.port, secure: false, ignoreTLS: true });
});

afterAll(async () => {
  await smtp?.close();
  await t?.drop();
});

beforeEach(async () => {
  await db.mailMessage.deleteMany();
  smtp.received.length = 0;
  smtp.state.refuse = false;
});

const T0 = new Date("2026-12-01T02:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

async function enqueue(n: number, tag: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const id = await enqueueMail(db, { to: `${tag}-${i}@example.test`, subject: `${tag} 第 ${i} 封`, text: `正文 ${i}`, kind: "test", dedupeKey: `${tag}:${i}` });
    ids.push(id!);
  }
  // Due from T0 on (the rows' default is the database's now).
  await db.mailMessage.updateMany({ where: { id: { in: ids } }, data: { nextAttemptAt: T0 } });
  return ids;
}

describe("deliverOutbox", () => {
  test("sends due mail over SMTP and marks it SENT; a second run sends nothing", async () => {
    const [id] = await enqueue(1, "ok");
    expect(await deliverOutbox(db, { now: at(0), transport, from: "noreply@tangxian.test" })).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.to).toEqual(["ok-0@example.test"]);
    expect(smtp.received[0]!.from).toContain("noreply@tangxian.test");
    // Chinese subject and body survive the trip (MIME-encoded).
    expect(smtp.received[0]!.data).toMatch(/Subject: =\?UTF-8\?/);
    const row = await db.mailMessage.findUniqueOrThrow({ where: { id: id! } });
    expect(row).toMatchObject({ status: "SENT", attempts: 1, lastError: null });
    expect(row.sentAt).toBeInstanceOf(Date);
    expect(await deliverOutbox(db, { now: at(60 * 60_000), transport })).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
  });

  test("mail not yet due waits", async () => {
    const [id] = await enqueue(1, "later");
    await db.mailMessage.update({ where: { id: id! }, data: { nextAttemptAt: at(60_000) } });
    expect((await deliverOutbox(db, { now: at(59_999), transport })).sent).toBe(0);
    expect((await deliverOutbox(db, { now: at(60_000), transport })).sent).toBe(1);
  });

  test("a refusing server: backoff 1 min, 5 min, 30 min, 2 h, 12 h, then FAILED after the last attempt", async () => {
    const [id] = await enqueue(1, "retry");
    smtp.state.refuse = true;
    let now = at(0);
    for (const [i, wait] of BACKOFF_MS.entries()) {
      expect(await deliverOutbox(db, { now, transport })).toEqual({ sent: 0, retried: 1, failed: 0 });
      const row = await db.mailMessage.findUniqueOrThrow({ where: { id: id! } });
      expect(row).toMatchObject({ status: "PENDING", attempts: i + 1 });
      expect(row.lastError).toMatch(/451/);
      expect(row.nextAttemptAt.getTime()).toBe(now.getTime() + wait);
      // Not retried before its time.
      expect(await deliverOutbox(db, { now: new Date(now.getTime() + wait - 1), transport })).toEqual({ sent: 0, retried: 0, failed: 0 });
      now = new Date(now.getTime() + wait);
    }
    expect(await deliverOutbox(db, { now, transport })).toEqual({ sent: 0, retried: 0, failed: 1 });
    const row = await db.mailMessage.findUniqueOrThrow({ where: { id: id! } });
    expect(row).toMatchObject({ status: "FAILED", attempts: MAX_ATTEMPTS, sentAt: null });
    // Given up: never tried again.
    smtp.state.refuse = false;
    expect(await deliverOutbox(db, { now: at(365 * 24 * 3_600_000), transport })).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(smtp.received).toHaveLength(0);
  });

  test("a failure, then the server is back: the retry sends it", async () => {
    const [id] = await enqueue(1, "back");
    smtp.state.refuse = true;
    await deliverOutbox(db, { now: at(0), transport });
    smtp.state.refuse = false;
    expect((await deliverOutbox(db, { now: at(BACKOFF_MS[0]), transport })).sent).toBe(1);
    expect(await db.mailMessage.findUniqueOrThrow({ where: { id: id! } })).toMatchObject({ status: "SENT", attempts: 2 });
    expect(smtp.received).toHaveLength(1);
  });

  test("an unreachable server counts as a failed attempt", async () => {
    const [id] = await enqueue(1, "down");
    const closed = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, "127.0.0.1", () => {
        const port = (s.address() as net.AddressInfo).port;
        s.close(() => resolve(port));
      });
    });
    const nowhere = nodemailer.createTransport({ host: "127.0.0.1", port: closed, ignoreTLS: true, connectionTimeout: 2_000 });
    expect(await deliverOutbox(db, { now: at(0), transport: nowhere })).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect((await db.mailMessage.findUniqueOrThrow({ where: { id: id! } })).lastError).toMatch(/ECONNREFUSED/);
  });

  test("two workers at once send each mail exactly once", async () => {
    const ids = await enqueue(40, "race");
    // Two separate SMTP connections (one transport each), like two server processes.
    const other = nodemailer.createTransport({ host: "127.0.0.1", port: smtp.port, ignoreTLS: true });
    const [a, b] = await Promise.all([deliverOutbox(db, { now: at(0), transport, limit: 100 }), deliverOutbox(db, { now: at(0), transport: other, limit: 100 })]);
    expect(a.sent + b.sent).toBe(40);
    const to = smtp.received.flatMap((r) => r.to).sort();
    expect(to).toEqual([...new Set(to)]);
    expect(to).toHaveLength(40);
    expect(await db.mailMessage.count({ where: { id: { in: ids }, status: "SENT", attempts: 1 } })).toBe(40);
  });

  test("a worker that died mid-send leaves the row to be retried after the lease", async () => {
    const [id] = await enqueue(1, "lease");
    // A claim as a worker makes it, never followed by an answer.
    await db.mailMessage.update({ where: { id: id! }, data: { attempts: 1, nextAttemptAt: at(CLAIM_LEASE_MS) } });
    expect((await deliverOutbox(db, { now: at(CLAIM_LEASE_MS - 1), transport })).sent).toBe(0);
    expect((await deliverOutbox(db, { now: at(CLAIM_LEASE_MS), transport })).sent).toBe(1);
    expect(await db.mailMessage.findUniqueOrThrow({ where: { id: id! } })).toMatchObject({ status: "SENT", attempts: 2 });
  });

  test("no transport (no SMTP_URL): nothing is sent, the mail stays PENDING in the outbox", async () => {
    const [id] = await enqueue(1, "dev");
    expect(await deliverOutbox(db, { now: at(0), transport: null })).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(await db.mailMessage.findUniqueOrThrow({ where: { id: id! } })).toMatchObject({ status: "PENDING", attempts: 0 });
  });

  test("only the ids asked for (sendMail's kick)", async () => {
    const ids = await enqueue(3, "kick");
    expect((await deliverOutbox(db, { now: at(0), transport, ids: [ids[1]!] })).sent).toBe(1);
    expect(smtp.received.flatMap((r) => r.to)).toEqual(["kick-1@example.test"]);
  });
});

describe("enqueueMail", () => {
  test("a second enqueue with the same dedupe key writes nothing and returns null", async () => {
    const first = await enqueueMail(db, { to: "d@example.test", subject: "s", text: "t", kind: "test", dedupeKey: "same" });
    const second = await enqueueMail(db, { to: "d@example.test", subject: "s2", text: "t2", kind: "test", dedupeKey: "same" });
    expect(first).toEqual(expect.any(String));
    expect(second).toBeNull();
    expect(await db.mailMessage.count({ where: { dedupeKey: "same" } })).toBe(1);
    // Without a key, every mail is its own.
    await enqueueMail(db, { to: "d@example.test", subject: "a", text: "a", kind: "system" });
    await enqueueMail(db, { to: "d@example.test", subject: "a", text: "a", kind: "system" });
    expect(await db.mailMessage.count({ where: { dedupeKey: null } })).toBe(2);
  });
});
