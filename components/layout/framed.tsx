"use client";
// Whether a page is already inside a frame (the storefront's or the console's). The root 404 and 403 pages
// render in the root layout alone for an unknown URL or a refusal at an area's layout, but inside a route
// group's layout when a page there calls notFound() or forbidden(): they bring the shop's frame only when
// there is none around them.
import { createContext, useContext } from "react";

const FramedContext = createContext(false);

export function Framed({ children }: { children: React.ReactNode }) {
  return <FramedContext.Provider value>{children}</FramedContext.Provider>;
}

/** `framed` (the content in a frame) where no frame is around, else the content alone. */
export function FrameIfMissing({ framed, children }: { framed: React.ReactNode; children: React.ReactNode }) {
  return useContext(FramedContext) ? children : framed;
}
