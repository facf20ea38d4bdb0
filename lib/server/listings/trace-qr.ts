import "server-only";
// The QR code printed on a batch's labels: the absolute URL of its public origin page (SITE_URL + /trace/<code>),
// drawn on the server as SVG by the `qrcode` library, so the browser runs no script for it and prints it sharp.
import QRCode from "qrcode";
import { absoluteUrl } from "@/lib/server/env";

/** The public origin page of a batch, as printed and encoded. */
export const traceUrl = (traceCode: string): string => absoluteUrl(`/trace/${traceCode}`);

/**
 * An SVG of the QR code of `url`, as a data: URL for an <img> (an image, with alt text, rather than markup put
 * into the page). Error correction M survives a scuffed label; a one-module quiet zone keeps labels compact.
 */
export async function qrDataUrl(url: string): Promise<string> {
  const svg = await QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 1 });
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
