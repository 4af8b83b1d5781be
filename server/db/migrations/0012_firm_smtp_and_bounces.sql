ALTER TABLE "mail_outbox" DROP CONSTRAINT "mail_outbox_status_check";--> statement-breakpoint
ALTER TABLE "firms" ADD COLUMN "smtp_host" text;--> statement-breakpoint
ALTER TABLE "firms" ADD COLUMN "smtp_port" integer;--> statement-breakpoint
ALTER TABLE "firms" ADD COLUMN "smtp_security" text;--> statement-breakpoint
ALTER TABLE "firms" ADD COLUMN "smtp_user" text;--> statement-breakpoint
ALTER TABLE "firms" ADD COLUMN "smtp_password_sealed" text;--> statement-breakpoint
ALTER TABLE "firms" ADD COLUMN "smtp_from_address" text;--> statement-breakpoint
ALTER TABLE "firms" ADD COLUMN "smtp_changed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "bounced_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "bounce_diagnostic" text;--> statement-breakpoint
CREATE INDEX "mail_outbox_message_id_idx" ON "mail_outbox" USING btree ("message_id");--> statement-breakpoint
ALTER TABLE "firms" ADD CONSTRAINT "firms_smtp_security_check" CHECK ("firms"."smtp_security" in ('starttls', 'tls', 'none'));--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD CONSTRAINT "mail_outbox_status_check" CHECK ("mail_outbox"."status" in ('queued', 'sent', 'failed', 'bounced'));