"use client";
import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** Re-reads the page every few seconds (while the server waits for the payment webhook), up to a limit. */
export function AutoRefresh({ everyMs = 2_000, times = 60 }: { everyMs?: number; times?: number }) {
  const router = useRouter();
  useEffect(() => {
    let n = 0;
    const id = setInterval(() => {
      if (++n > times) clearInterval(id);
      else router.refresh();
    }, everyMs);
    return () => clearInterval(id);
  }, [router, everyMs, times]);
  return null;
}
