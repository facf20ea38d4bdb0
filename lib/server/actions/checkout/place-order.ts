"use server";
import { redirect } from "next/navigation";
import { db } from "@/lib/server/db";
import { ordersMovedStock } from "@/lib/server/queries/catalog-cached";
import { absoluteUrl } from "@/lib/server/env";
import { getLocale } from "@/lib/server/i18n";
import { log, requestContext } from "@/lib/server/log";
import { cancelUnopenedStripeOrder, placeOrder } from "@/lib/server/orders/place-order";
import { buyingOrganisation } from "@/lib/server/orgs/organisations";
import { createCheckoutSession } from "@/lib/server/orders/stripe-checkout";
import { sweepForCart } from "@/lib/server/orders/sweep";
import { stripeClient, stripeConfig } from "@/lib/server/stripe";
import { translateDynamic } from "@/lib/i18n/translate";
import { checkoutAddressSchema, checkoutInstitutionSchema, placeOrderSchema } from "@/lib/validation/checkout";
import { roleAction } from "../chain";

/**
 * Places the buyer's order from their cart. The browser sends ids, an address and a payment choice; every
 * price and total is computed here from the database.
 */
export const placeOrderAction = roleAction(["BUYER"], placeOrderSchema, async (input, { actor, t }) => {
  const locale = await getLocale();
  const fieldError = (issues: { path: PropertyKey[]; message: string }[]) =>
    Object.fromEntries(issues.map((i) => [String(i.path[0] ?? "form"), translateDynamic(locale, i.message)]));
  // A refused order puts back what the buyer chose and typed (the form resets after its action), so the
  // new-address and invoice fields it opened stay open next to their errors.
  const values: Record<string, string> = {
    ...Object.fromEntries(Object.entries(input).filter((e): e is [string, string] => typeof e[1] === "string")),
    addressId: input.addressId ?? "",
    ...(input.institutional ? { institutional: "on" } : {}),
  };

  let address: { recipient: string; phone: string; district: string; street: string };
  if (input.addressId) {
    const saved = await db.address.findFirst({ where: { id: input.addressId, userId: actor.id }, select: { recipient: true, phone: true, district: true, street: true } });
    if (!saved) return { ok: false, status: 404, message: t("checkout.errors.addressRequired"), values };
    address = saved;
  } else {
    const parsed = checkoutAddressSchema.safeParse(input);
    if (!parsed.success) return { ok: false, status: 400, message: t("checkout.errors.addressRequired"), fieldErrors: fieldError(parsed.error.issues), values };
    address = parsed.data;
  }

  let institution = null;
  if (input.institutional && input.buyingFor !== "organisation") {
    const parsed = checkoutInstitutionSchema.safeParse(input);
    if (!parsed.success) return { ok: false, status: 400, message: t("validation.fixErrors"), fieldErrors: fieldError(parsed.error.issues), values };
    institution = parsed.data;
  }

  // A purchaser of an organisation is asked whom the order is for; an organisation's order is paid by transfer
  // from its account (对公转账), with its own invoice details, after its approver's yes when above its threshold.
  const organisation = actor.organisation ? await buyingOrganisation(db, actor.id) : null;
  if (organisation && !input.buyingFor) {
    const message = t("checkout.buyingFor.required");
    return { ok: false, status: 400, message, fieldErrors: { buyingFor: message }, values };
  }
  const forOrganisation = input.buyingFor === "organisation";
  if (forOrganisation && !organisation) return { ok: false, status: 403, message: t("checkout.buyingFor.notPurchaser"), values };
  if (forOrganisation && input.method !== "BANK_TRANSFER") {
    const message = t("checkout.buyingFor.bankOnly");
    return { ok: false, status: 400, message, fieldErrors: { method: message }, values };
  }

  const config = stripeConfig();
  if (input.method === "STRIPE" && !config) return { ok: false, status: 400, message: t("checkout.noStripe"), values };

  await sweepForCart(db, actor.id);
  const result = await placeOrder(db, {
    userId: actor.id,
    method: input.method,
    address,
    note: input.note,
    institution: forOrganisation ? null : institution,
    fingerprint: input.fingerprint,
    organisation: forOrganisation && organisation ? { ...organisation, buyerName: actor.name ?? actor.email } : null,
  });
  if (!result.ok) {
    const name = "productName" in result ? (locale === "en" ? result.productName.en : result.productName.zh) : "";
    if (result.code === "belowMinOrder") return { ok: false, status: 409, message: t("org.priceTiers.checkout.belowMinOrder", { name, minOrder: result.minOrder }), values };
    return { ok: false, status: 409, message: t(`checkout.errors.${result.code}`, { name }), values };
  }

  // The pages of the products it took, and the listings where one of them changed stock level.
  await ordersMovedStock([result.orderId], "taken");
  if (input.method === "STRIPE" && config) {
    let url: string;
    try {
      ({ url } = await createCheckoutSession(
        db,
        stripeClient(config),
        config,
        result.orderId,
        { success: absoluteUrl(`/account/orders/${result.orderId}?paid=1`), cancel: absoluteUrl(`/account/orders/${result.orderId}`) },
        locale,
      ));
    } catch (error) {
      log.error({ err: error, ...(await requestContext()), userId: actor.id, orderId: result.orderId }, "stripe: could not create a Checkout Session");
      // Cancelled with its stock back, and the cart as it was: choosing bank transfer now is one click.
      await cancelUnopenedStripeOrder(db, result.orderId);
      await ordersMovedStock([result.orderId], "released");
      return { ok: false, status: 502, message: t("checkout.errors.stripeFailed"), values };
    }
    redirect(url);
  }
  // An organisation's order opens where its members follow it (its approval, then its transfer).
  redirect(forOrganisation ? `/org/orders/${result.orderId}` : `/account/orders/${result.orderId}`);
});
