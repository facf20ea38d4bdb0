// A server-action call (POST with a Next-Action header) whose body React could not have sent makes Next throw
// while decoding it (JSON syntax error, "Unexpected end of form"): a 500. React's callServer sends exactly two
// kinds of body: a string from encodeReply (fetch labels it text/plain;charset=UTF-8; it is JSON) or a FormData
// (multipart/form-data, when an argument holds a File or FormData). Anything else is refused with a 400 first.

interface ActionRequest {
  headers: Headers;
  clone(): { text(): Promise<string>; formData(): Promise<FormData> };
}

/** True when the request's body is one React's callServer could have sent and it parses. */
export async function isWellFormedActionBody(request: ActionRequest): Promise<boolean> {
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  try {
    if (type === "text/plain") {
      JSON.parse(await request.clone().text());
      return true;
    }
    if (type === "multipart/form-data") {
      // encodeReply puts the arguments' JSON root in field "0" and the rest in numbered parts it references.
      const root = (await request.clone().formData()).get("0");
      if (typeof root !== "string") return false;
      JSON.parse(root);
      return true;
    }
  } catch {
    return false;
  }
  return false;
}
