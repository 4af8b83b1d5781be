import {
  notificationSettingsSchema,
  updateNotificationSettingsSchema,
} from "../../../contracts/notifications.js";
import type { App, AppDeps } from "../../deps.js";
import { requireActor } from "../access/actor.js";
import { getNotificationSettings, updateNotificationSettings } from "./notifications.service.js";

const tags = ["account"];

/** The signed-in account's notification settings (CASE-2), for portal accounts and staff alike. */
export async function notificationsRoutes(app: App, deps: AppDeps): Promise<void> {
  app.get(
    "/api/account/notifications",
    {
      schema: {
        tags,
        summary: "Which notification topics the account gets by email",
        response: { 200: notificationSettingsSchema },
      },
    },
    async (request) => getNotificationSettings(deps, requireActor(request)),
  );

  app.put(
    "/api/account/notifications",
    {
      schema: {
        tags,
        summary: "Switch notification topics on or off; topics left out keep their setting",
        body: updateNotificationSettingsSchema,
        response: { 200: notificationSettingsSchema },
      },
    },
    async (request) => updateNotificationSettings(deps, requireActor(request), request.body),
  );
}
