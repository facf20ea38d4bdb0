"use client";

/** The browser's print dialog; the page's print styles hide the forms and navigation. */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => window.print()} className="rounded-lg border border-earth-600/40 bg-white px-4 py-2 font-medium hover:bg-earth-100 print:hidden">
      {label}
    </button>
  );
}
