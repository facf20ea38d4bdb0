import { z } from "zod";
import { MAX_QUANTITY_PER_LINE } from "../domain/checkout";
import { addressSchema, institutionSchema } from "./account";
import { recordId, text } from "./text";

const id = recordId();

// "1 to 9999" (MAX_QUANTITY_PER_LINE); the product's own minimum order is checked by the cart actions.
const QUANTITY = "org.priceTiers.cartQuantity";

/** A quantity typed or sent by the browser: a whole number; nothing about price is ever accepted. */
const quantity = (min: number) =>
  z.preprocess(
    (v) => (typeof v === "string" && /^\d+$/.test(v.trim()) ? Number(v) : v),
    z.number(QUANTITY).int(QUANTITY).min(min, QUANTITY).max(MAX_QUANTITY_PER_LINE, QUANTITY),
  );

export const addToCartSchema = z.object({ productId: id, quantity: quantity(1) });
export const setCartQuantitySchema = z.object({ productId: id, quantity: quantity(0) });

const newAddress = addressSchema.omit({ id: true, isDefault: true });

export const placeOrderSchema = z
  .object({
    method: z.enum(["STRIPE", "BANK_TRANSFER"]),
    addressId: text().max(40).optional().transform((v) => v || undefined),
    note: text({ multiline: true }).trim().max(200).default(""),
    institutional: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
    /** A purchaser of an organisation says whom the order is for; absent for everyone else. */
    buyingFor: z.enum(["private", "organisation"], { message: "checkout.buyingFor.required" }).optional(),
    fingerprint: text().max(4000),
  })
  .catchall(z.unknown());

/** The new-address and invoice fields, checked only when they are used. */
export const checkoutAddressSchema = newAddress;
export const checkoutInstitutionSchema = institutionSchema;

export const orderIdSchema = z.object({ orderId: id });
export const refundRequestSchema = z.object({ orderId: id, reason: text({ multiline: true }).trim().min(2, "validation.reasonRequired").max(500) });
export const confirmTransferSchema = z.object({ orderId: id, amount: text().trim().max(20) });
export const decideRefundSchema = z.object({ refundId: id, decision: z.enum(["approve", "reject"]) });
