"use client";
import { createContext, useContext } from "react";
import type { Messages } from "@/lib/i18n/translate";

// Client components (error boundaries) get only the messages they need, not the whole catalog.
export type ClientMessages = { errors: Messages["errors"] };

const Ctx = createContext<ClientMessages | null>(null);

export function ClientMessagesProvider({ value, children }: { value: ClientMessages; children: React.ReactNode }) {
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useClientMessages(): ClientMessages {
  const value = useContext(Ctx);
  if (!value) throw new Error("ClientMessagesProvider is missing");
  return value;
}
