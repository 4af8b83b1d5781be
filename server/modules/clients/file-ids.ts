import { AppError } from "../../platform/errors.js";

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id from the path that is not a UUID names nothing that exists: 404, like any unknown id. */
export function assertFileId(id: string): void {
  if (!uuidShape.test(id)) throw new AppError("not_found");
}
