// A small, typed message lookup: keys are dotted paths into messages/zh-CN.json (the source of truth);
// en.json must have exactly the same keys (tests/unit/messages.test.ts).
import en from "../../messages/en.json";
import zh from "../../messages/zh-CN.json";
import type { Locale } from "./config";

export type Messages = typeof zh;

type Leaves<T, P extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

export type MessageKey = Leaves<Messages>;
export type Vars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: Vars) => string;

const catalogs: Record<Locale, Messages> = { "zh-CN": zh, en };

export function messagesFor(locale: Locale): Messages {
  return catalogs[locale];
}

function lookup(messages: unknown, key: string): string | undefined {
  let node: unknown = messages;
  for (const part of key.split(".")) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" ? node : undefined;
}

export function interpolate(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function translator(locale: Locale): Translate {
  const messages = catalogs[locale];
  return (key, vars) => interpolate(lookup(messages, key) ?? lookup(zh, key) ?? key, vars);
}

/** Untyped lookup for keys that come from data (e.g. error codes); falls back to the key itself. */
export function translateDynamic(locale: Locale, key: string, vars?: Vars): string {
  return interpolate(lookup(catalogs[locale], key) ?? lookup(zh, key) ?? key, vars);
}
