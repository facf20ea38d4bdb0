"use client";
// The console's frame on a phone: a bar with a menu button that opens the navigation as a drawer. From `md:` up
// the same panel is a side bar and the button is gone. The panel is rendered once, for both.
//
// Without JavaScript the button is hidden and the panel is a plain list under the bar (`scripting: none`); with
// it, the panel starts hidden on a phone (also before hydration, via `scripting: enabled`, so nothing jumps).
// Open: focus moves into the drawer and Tab stays there; Escape, the backdrop, the close button or following a
// link closes it, and focus goes back to the menu button.
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState, useSyncExternalStore } from "react";

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select, textarea, [tabindex]:not([tabindex="-1"])';

// Hydrated or not: false in the server's HTML and the first client render, true after.
const noSubscription = () => () => {};

export function ConsoleDrawer({
  title,
  menuLabel,
  closeLabel,
  panelId,
  children,
}: {
  title: string;
  menuLabel: string;
  closeLabel: string;
  panelId: string;
  children: React.ReactNode;
}) {
  const pathname = usePathname() ?? "";
  // Open on the path it was opened at: moving to another page closes it without an effect.
  const [openedAt, setOpenedAt] = useState<string | null>(null);
  const open = openedAt === pathname;
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    panel.current?.querySelector<HTMLElement>(FOCUSABLE)?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpenedAt(null);
      button.current?.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open]);

  const close = () => {
    setOpenedAt(null);
    button.current?.focus();
  };

  // Tab and Shift+Tab cycle inside the open drawer.
  const trap = (event: React.KeyboardEvent<HTMLDivElement>) => {
    if (!open || event.key !== "Tab" || !panel.current) return;
    const all = [...panel.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null);
    const first = all[0];
    const last = all.at(-1);
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  const phone = open
    ? "max-md:fixed max-md:inset-y-0 max-md:left-0 max-md:z-50 max-md:flex max-md:w-[min(20rem,85vw)] max-md:overflow-y-auto max-md:shadow-xl"
    : `[@media(scripting:enabled)]:max-md:hidden ${hydrated ? "max-md:hidden" : ""}`;

  return (
    <>
      <div className="sticky top-0 z-30 flex items-center gap-2 border-b border-earth-100 bg-white px-3 py-2 md:hidden">
        <button
          ref={button}
          type="button"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => (open ? close() : setOpenedAt(pathname))}
          className="flex shrink-0 items-center gap-1.5 rounded-lg border border-earth-600/40 px-3 py-2 text-sm font-medium hover:bg-earth-100 [@media(scripting:none)]:hidden"
        >
          <svg aria-hidden viewBox="0 0 20 20" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
            <path d="M3 5h14M3 10h14M3 15h14" />
          </svg>
          {menuLabel}
        </button>
        <p className="min-w-0 truncate text-sm font-semibold text-wine-700">{title}</p>
      </div>
      {open && <div aria-hidden className="fixed inset-0 z-40 bg-earth-900/40 md:hidden" onClick={close} />}
      <div
        id={panelId}
        ref={panel}
        onKeyDown={trap}
        onClick={(event) => {
          if (open && (event.target as HTMLElement).closest("a")) setOpenedAt(null);
        }}
        className={`flex-col bg-white md:sticky md:top-0 md:flex md:h-dvh md:w-64 md:shrink-0 md:overflow-y-auto md:border-r md:border-earth-100 ${phone}`}
      >
        {open && (
          <button type="button" onClick={close} className="m-2 self-end rounded-lg px-3 py-2 text-sm font-medium hover:bg-earth-100 md:hidden">
            {closeLabel}
          </button>
        )}
        {children}
      </div>
    </>
  );
}
