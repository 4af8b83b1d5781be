import { z } from "zod";

/** What staff members hear about by email (CASE-2). */
export const staffNotificationTopics = [
  "new_case",
  "client_message",
  "client_upload",
  "document_confirmed",
] as const;
/** What a file's contacts in the portal hear about by email (CASE-2). */
export const portalNotificationTopics = ["case_update", "new_document", "invoice"] as const;
export const notificationTopics = [...portalNotificationTopics, ...staffNotificationTopics] as const;
export const notificationTopicSchema = z.enum(notificationTopics);
export type NotificationTopic = z.infer<typeof notificationTopicSchema>;

/** One topic of the account's notification settings: whether it is mailed (on unless turned off). */
export const notificationTopicSettingSchema = z.object({
  topic: notificationTopicSchema,
  /** `portal`: as a client in the portal; `staff`: as a member of a firm's staff. */
  audience: z.enum(["portal", "staff"]),
  email: z.boolean(),
});
export type NotificationTopicSetting = z.infer<typeof notificationTopicSettingSchema>;

/**
 * GET /api/account/notifications — the topics that concern the account (portal ones when it reaches
 * a client file, staff ones when it works at a firm), each with whether it is mailed. What actually
 * arrives also depends on the person's role on the file: an employee's account gets no mails.
 */
export const notificationSettingsSchema = z.object({
  topics: z.array(notificationTopicSettingSchema),
  /** Mails are bundled: at most one digest an hour, per firm. */
  digestIntervalMinutes: z.number().int().positive(),
});
export type NotificationSettings = z.infer<typeof notificationSettingsSchema>;

/** PUT /api/account/notifications — topics to switch on or off; topics left out keep their setting. */
export const updateNotificationSettingsSchema = z.strictObject({
  email: z.partialRecord(notificationTopicSchema, z.boolean()),
});
export type UpdateNotificationSettings = z.infer<typeof updateNotificationSettingsSchema>;
