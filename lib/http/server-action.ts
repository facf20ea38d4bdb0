// A server-action call (POST with a Next-Action header) whose body React could not have sent makes Next throw
// while decoding it (JSON syntax error, "Unexpected end of form", "Connection closed.", "Invalid forward
// reference."): a 500. React's callServer sends exactly two kinds of body: a string from encodeReply (fetch
// labels it text/plain;charset=UTF-8; it is JSON) or a FormData (multipart/form-data, when an argument holds a
// File or FormData, or needs more than one part). Anything else, or a reply React's decoder would not read
// (lib/http/action-reply.ts), is refused with a 400 first.
import { isDecodableReply, isDecodableTextReply, type ReplyField } from "./action-reply";

interface ActionRequest {
  headers: Headers;
  clone(): { text(): Promise<string>; formData(): Promise<FormData> };
}

/** True when the request's body is one React's callServer could have sent and React's decoder reads it. */
export async function isWellFormedActionBody(request: ActionRequest): Promise<boolean> {
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  try {
    if (type === "text/plain") return isDecodableTextReply(await request.clone().text());
    if (type === "multipart/form-data") {
      const fields: ReplyField[] = [];
      for (const [name, value] of (await request.clone().formData()).entries()) fields.push([name, value]);
      return isDecodableReply(fields);
    }
  } catch {
    return false;
  }
  return false;
}
