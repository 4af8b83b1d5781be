CREATE TABLE "client_invitations" (
	"firm_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"grant_id" uuid NOT NULL,
	"grantee_id" uuid NOT NULL,
	"email" text,
	"name" text NOT NULL,
	"language" text NOT NULL,
	"salutation" text NOT NULL,
	"channel" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"personal_message" text,
	"reminder_days" integer[] NOT NULL,
	"reminders_due" integer DEFAULT 0 NOT NULL,
	"reminders_sent" integer DEFAULT 0 NOT NULL,
	"next_reminder_at" timestamp with time zone,
	"reminders_stopped_at" timestamp with time zone,
	"sent_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"invited_by" text,
	"invited_by_name" text,
	"accepted_at" timestamp with time zone,
	"accepted_account_id" text,
	"ended_at" timestamp with time zone,
	"last_outbox_id" uuid,
	"last_mail_reminder" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "client_invitations_firm_id_id_pk" PRIMARY KEY("firm_id","id"),
	CONSTRAINT "client_invitations_channel_check" CHECK ("client_invitations"."channel" in ('email', 'link', 'notice')),
	CONSTRAINT "client_invitations_status_check" CHECK ("client_invitations"."status" in ('pending', 'accepted', 'withdrawn', 'replaced')),
	CONSTRAINT "client_invitations_salutation_check" CHECK ("client_invitations"."salutation" in ('formal', 'informal')),
	CONSTRAINT "client_invitations_language_check" CHECK ("client_invitations"."language" in ('de', 'fr', 'en')),
	CONSTRAINT "client_invitations_reminder_only_pending" CHECK ("client_invitations"."next_reminder_at" is null or "client_invitations"."status" = 'pending')
);
--> statement-breakpoint
ALTER TABLE "client_invitations" ADD CONSTRAINT "client_invitations_firm_id_grantee_id_grantees_firm_id_id_fk" FOREIGN KEY ("firm_id","grantee_id") REFERENCES "public"."grantees"("firm_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "client_invitations_grantee_idx" ON "client_invitations" USING btree ("firm_id","grantee_id","created_at");--> statement-breakpoint
CREATE INDEX "client_invitations_grant_idx" ON "client_invitations" USING btree ("firm_id","grant_id");--> statement-breakpoint
CREATE INDEX "client_invitations_due_idx" ON "client_invitations" USING btree ("next_reminder_at") WHERE "client_invitations"."next_reminder_at" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "client_invitations_pending_once_idx" ON "client_invitations" USING btree ("firm_id","grantee_id") WHERE "client_invitations"."status" = 'pending';