"use client";

/** Opens the browser's print dialog for the label sheet (the sheet's print CSS does the rest). */
export function LabelPrintButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => window.print()} className="rounded-lg bg-wine-700 px-5 py-2.5 font-medium text-white hover:bg-wine-800">
      {label}
    </button>
  );
}
