"use client";
// The console's links, with the current page marked (aria-current). A client component only for usePathname:
// the layout around it does not re-render when the reader moves between the area's pages.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { currentItem, type ConsoleNavItem } from "./nav-items";

export type ConsoleLink = Pick<ConsoleNavItem, "href" | "match" | "exact" | "personal"> & { label: string };

export function ConsoleNavList({ items }: { items: readonly ConsoleLink[] }) {
  const current = currentItem(items, usePathname() ?? "");
  return (
    <ul className="space-y-0.5">
      {items.map((item) => (
        <li key={item.href}>
          <Link
            href={item.href}
            prefetch={item.personal ? false : undefined}
            aria-current={item === current ? "page" : undefined}
            className="block rounded-lg px-3 py-2.5 text-base font-medium text-earth-900 hover:bg-earth-100 aria-[current=page]:bg-wine-50 aria-[current=page]:text-wine-700 md:py-2 md:text-sm"
          >
            {item.label}
          </Link>
        </li>
      ))}
    </ul>
  );
}
