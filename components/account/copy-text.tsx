"use client";
// A value the buyer wants to paste elsewhere (a tracking number into the courier's app), with a copy button.
// Without JavaScript the value is plain, selectable text and no button is shown (it could do nothing); with it,
// the button copies through the Clipboard API and a status region says it did — or, where the browser refuses
// (an insecure origin, a denied permission), selects the text so a long press copies it.
import { useRef, useState, useSyncExternalStore } from "react";

const subscribe = () => () => {};

export function CopyText({ value, labels }: { value: string; labels: { copy: string; copyLabel: string; copied: string; failed: string } }) {
  const hydrated = useSyncExternalStore(subscribe, () => true, () => false);
  const [status, setStatus] = useState<"idle" | "copied" | "failed">("idle");
  const text = useRef<HTMLSpanElement>(null);

  async function copy() {
    try {
      if (!navigator.clipboard) throw new Error("no clipboard");
      await navigator.clipboard.writeText(value);
      setStatus("copied");
    } catch {
      const node = text.current;
      const selection = window.getSelection();
      if (node && selection) {
        const range = document.createRange();
        range.selectNodeContents(node);
        selection.removeAllRanges();
        selection.addRange(range);
      }
      setStatus("failed");
    }
  }

  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <span ref={text} className="font-mono break-all select-all" data-testid="tracking-number">
        {value}
      </span>
      {hydrated && (
        <button
          type="button"
          onClick={copy}
          aria-label={labels.copyLabel}
          className="rounded-md border border-earth-600/40 bg-white px-2 py-0.5 text-xs font-medium hover:bg-earth-100 focus-visible:outline-2 focus-visible:outline-wine-700"
          data-testid="copy-tracking"
        >
          {labels.copy}
        </button>
      )}
      <span role="status" aria-live="polite" className={`text-xs ${status === "failed" ? "text-wine-700" : "text-leaf-700"}`}>
        {status === "copied" ? labels.copied : status === "failed" ? labels.failed : ""}
      </span>
    </span>
  );
}
