"use client";
// The stock badge of a product's page, brought up to date once the page is on screen: the page comes from the cache
// and a sale expires it only when the product's stock level changes (in stock / low / sold out), so the count it
// was rendered with may be a few sales old. Without JavaScript the rendered count stays (checkout checks it anyway).
import { useEffect, useState } from "react";
import { StockBadge } from "./stock-badge";

export function LiveStock({ productId, stock, unit }: { productId: string; stock: number; unit: string }) {
  const [now, setNow] = useState(stock);
  useEffect(() => {
    const controller = new AbortController();
    fetch(`/api/products/${encodeURIComponent(productId)}/stock`, { signal: controller.signal, cache: "no-store" })
      .then((r) => (r.ok ? (r.json() as Promise<{ stock: number }>) : null))
      .then((body) => body && setNow(body.stock))
      .catch(() => {});
    return () => controller.abort();
  }, [productId]);
  return (
    <span data-testid="live-stock" data-stock={now}>
      <StockBadge stock={now} unit={unit} />
    </span>
  );
}
