import { useTranslations } from "next-intl";
import { ActionForm, Choice } from "@/components/ui/action-form";
import { Section } from "@/components/ui/section";
import { canDelete, certificateState, eventsFrom, moveListing, type ListingEvent } from "@/lib/domain/listing";
import { deleteProductAction } from "@/lib/server/actions/coop/delete-product";
import { moveListingAction } from "@/lib/server/actions/coop/move-listing";
import type { CoopProductEditor } from "@/lib/server/queries/coop-products";
import { MANAGER_LISTING_EVENTS, type ManagerListingEvent } from "@/lib/validation/product";
import { ListingBadge } from "./listing-panel-badge";

const isManagerEvent = (e: ListingEvent): e is ManagerListingEvent => (MANAGER_LISTING_EVENTS as readonly string[]).includes(e);

/**
 * Where a product stands as a listing: its state, its certificate (number, validity), the reviewer's reason
 * after a rejection or revocation, and the moves its manager can make now (the domain table and its guards
 * decide which), then delete — or, for a product that cannot be deleted, archive.
 */
export function ListingPanel({ product, now }: { product: CoopProductEditor; now: Date }) {
  const t = useTranslations();
  const certificate = certificateState(product, now);
  const ctx = { certificate, hasOrders: product.hasOrders };
  const events = eventsFrom(product.listingStatus, "manager").filter(
    (e): e is ManagerListingEvent => isManagerEvent(e) && moveListing(product.listingStatus, e, "manager", ctx).ok,
  );
  const deletable = canDelete(product.listingStatus, product.hasOrders);
  const showNote = product.reviewNote && (product.listingStatus === "REJECTED" || certificate === "revoked");
  return (
    <Section title={t("productEditor.listing.title")} testId="listing-panel" data={{ "data-state": product.listingStatus }}>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        <dt className="text-earth-600">{t("productEditor.listing.state")}</dt>
        <dd>
          <ListingBadge status={product.listingStatus} />
        </dd>
        <dt className="text-earth-600">{t("productEditor.listing.certificate")}</dt>
        <dd data-testid="certificate-state">
          <span className="font-medium">{t(`listing.certificate.${certificate}`)}</span>
          {product.certificateNumber && <span className="block">{t("productEditor.listing.certificateNumber", { number: product.certificateNumber })}</span>}
          {product.certificateValidUntil && (
            <span className="block">
              {product.certificateValidFrom
                ? t("productEditor.listing.validity", { from: product.certificateValidFrom, until: product.certificateValidUntil })
                : t("productEditor.listing.validUntil", { until: product.certificateValidUntil })}
            </span>
          )}
          {product.listingStatus === "IN_REVIEW" && product.submittedAt && <span className="block">{t("productEditor.listing.submittedAt", { at: product.submittedAt })}</span>}
        </dd>
      </dl>
      {showNote && (
        <div role="note" className="mt-3 rounded-lg bg-wine-50 px-3 py-2 text-sm text-wine-700" data-testid="review-note">
          <p className="font-medium">{t("productEditor.listing.reviewNote")}</p>
          <p className="whitespace-pre-line">{product.reviewNote}</p>
        </div>
      )}
      <p className="mt-3 text-sm text-earth-600">{t(`productEditor.listing.hint.${product.listingStatus}`)}</p>
      {events.length === 0 && !deletable ? (
        <p className="mt-3 text-sm">{t("productEditor.listing.noActions")}</p>
      ) : (
        <div className="mt-3 flex flex-wrap gap-3">
          {events.map((event) => (
            <ActionForm key={event} action={moveListingAction} submitLabel={t(`productEditor.listing.events.${event}`)} variant={variantOf(event)} className="space-y-2" testId={`listing-${event}`}>
              <input type="hidden" name="cooperativeId" value={product.cooperativeId} />
              <input type="hidden" name="productId" value={product.id} />
              <input type="hidden" name="event" value={event} />
            </ActionForm>
          ))}
        </div>
      )}
      {deletable && (
        <ActionForm action={deleteProductAction} submitLabel={t("productEditor.delete.submit")} variant="danger" className="mt-4 space-y-2 border-t border-earth-100 pt-4" testId="delete-product">
          <input type="hidden" name="cooperativeId" value={product.cooperativeId} />
          <input type="hidden" name="productId" value={product.id} />
          <p className="text-sm text-earth-600">{t("productEditor.delete.hint")}</p>
          <label className="flex items-center gap-2 text-sm">
            <Choice type="checkbox" name="confirm" className="size-5" />
            {t("productEditor.delete.confirm")}
          </label>
        </ActionForm>
      )}
    </Section>
  );
}

const variantOf = (event: ManagerListingEvent): "primary" | "secondary" | "danger" => (event === "submit" || event === "putOnSale" ? "primary" : event === "archive" ? "danger" : "secondary");
