CREATE TABLE "case_attachments" (
	"firm_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"message_id" uuid NOT NULL,
	"storage_key" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_attachments_firm_id_id_pk" PRIMARY KEY("firm_id","id")
);
--> statement-breakpoint
CREATE TABLE "case_messages" (
	"firm_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"author_kind" text NOT NULL,
	"author_user_id" text,
	"author_account_id" text,
	"author_person_id" uuid,
	"author_name" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_messages_firm_id_id_pk" PRIMARY KEY("firm_id","id"),
	CONSTRAINT "case_messages_author_kind_check" CHECK ("case_messages"."author_kind" in ('staff', 'client'))
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"firm_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"client_file_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"subject" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"assignee_user_id" text,
	"grant_id" uuid,
	"created_by_account_id" text,
	"created_by_person_id" uuid,
	"created_by_name" text NOT NULL,
	"contract_id" uuid,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"unread_for_staff" boolean DEFAULT true NOT NULL,
	"unread_for_client" boolean DEFAULT false NOT NULL,
	"last_activity_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cases_firm_id_id_pk" PRIMARY KEY("firm_id","id"),
	CONSTRAINT "cases_kind_check" CHECK ("cases"."kind" in ('message', 'claim_report', 'contract_capture', 'quote_request', 'upload', 'confirmation')),
	CONSTRAINT "cases_status_check" CHECK ("cases"."status" in ('open', 'waiting_for_client', 'done'))
);
--> statement-breakpoint
CREATE TABLE "confirmation_evidence" (
	"firm_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"confirmed_at" timestamp with time zone NOT NULL,
	"account_id" text NOT NULL,
	"account_email" text NOT NULL,
	"person_id" uuid,
	"name" text NOT NULL,
	"document_id" uuid NOT NULL,
	"document_title" text NOT NULL,
	"version" integer NOT NULL,
	"file_name" text NOT NULL,
	"sha256" text NOT NULL,
	"ip" text,
	"user_agent" text,
	CONSTRAINT "confirmation_evidence_firm_id_request_id_pk" PRIMARY KEY("firm_id","request_id"),
	CONSTRAINT "confirmation_evidence_sha256_check" CHECK ("confirmation_evidence"."sha256" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE TABLE "confirmation_requests" (
	"firm_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"client_file_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"document_title" text NOT NULL,
	"version" integer NOT NULL,
	"file_name" text NOT NULL,
	"sha256" text NOT NULL,
	"grantee_id" uuid NOT NULL,
	"account_id" text NOT NULL,
	"person_id" uuid,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"language" text NOT NULL,
	"salutation" text NOT NULL,
	"subject" text,
	"message" text,
	"status" text DEFAULT 'open' NOT NULL,
	"reminder_days" integer[] NOT NULL,
	"reminders_due" integer DEFAULT 0 NOT NULL,
	"reminders_sent" integer DEFAULT 0 NOT NULL,
	"next_reminder_at" timestamp with time zone,
	"sent_at" timestamp with time zone NOT NULL,
	"requested_by" text NOT NULL,
	"requested_by_name" text NOT NULL,
	"last_outbox_id" uuid,
	"case_id" uuid,
	"confirmed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"cancelled_by_name" text,
	"superseded_at" timestamp with time zone,
	"superseded_by_version" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "confirmation_requests_firm_id_id_pk" PRIMARY KEY("firm_id","id"),
	CONSTRAINT "confirmation_requests_status_check" CHECK ("confirmation_requests"."status" in ('open', 'confirmed', 'superseded', 'cancelled')),
	CONSTRAINT "confirmation_requests_salutation_check" CHECK ("confirmation_requests"."salutation" in ('formal', 'informal')),
	CONSTRAINT "confirmation_requests_language_check" CHECK ("confirmation_requests"."language" in ('de', 'fr', 'en')),
	CONSTRAINT "confirmation_requests_sha256_check" CHECK ("confirmation_requests"."sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "confirmation_requests_reminder_only_open" CHECK ("confirmation_requests"."next_reminder_at" is null or "confirmation_requests"."status" = 'open')
);
--> statement-breakpoint
CREATE TABLE "document_reads" (
	"firm_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"version" integer NOT NULL,
	"read_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_reads_firm_id_document_id_user_id_pk" PRIMARY KEY("firm_id","document_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "notification_digests" (
	"firm_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"recipient_user_id" text NOT NULL,
	"item_count" integer NOT NULL,
	"outbox_id" uuid,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "notification_digests_firm_id_id_pk" PRIMARY KEY("firm_id","id")
);
--> statement-breakpoint
CREATE TABLE "notification_items" (
	"firm_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"recipient_user_id" text NOT NULL,
	"audience" text NOT NULL,
	"person_id" uuid,
	"topic" text NOT NULL,
	"client_file_id" uuid NOT NULL,
	"case_id" uuid,
	"document_id" uuid,
	"title" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"digest_id" uuid,
	"sent_at" timestamp with time zone,
	"skipped_at" timestamp with time zone,
	CONSTRAINT "notification_items_firm_id_id_pk" PRIMARY KEY("firm_id","id"),
	CONSTRAINT "notification_items_audience_check" CHECK ("notification_items"."audience" in ('staff', 'portal')),
	CONSTRAINT "notification_items_topic_check" CHECK ("notification_items"."topic" in ('new_case', 'client_message', 'client_upload', 'document_confirmed', 'case_update', 'new_document', 'invoice'))
);
--> statement-breakpoint
CREATE TABLE "notification_settings" (
	"user_id" text PRIMARY KEY NOT NULL,
	"muted_topics" text[] DEFAULT '{}'::text[] NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "grant_profiles" ADD COLUMN "cases_primary_contacts_only" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "grants" ADD COLUMN "cases_primary_contacts_only" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "case_attachments" ADD CONSTRAINT "case_attachments_firm_id_message_id_case_messages_firm_id_id_fk" FOREIGN KEY ("firm_id","message_id") REFERENCES "public"."case_messages"("firm_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_attachments" ADD CONSTRAINT "case_attachments_firm_id_case_id_cases_firm_id_id_fk" FOREIGN KEY ("firm_id","case_id") REFERENCES "public"."cases"("firm_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_messages" ADD CONSTRAINT "case_messages_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_messages" ADD CONSTRAINT "case_messages_author_account_id_users_id_fk" FOREIGN KEY ("author_account_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_messages" ADD CONSTRAINT "case_messages_firm_id_case_id_cases_firm_id_id_fk" FOREIGN KEY ("firm_id","case_id") REFERENCES "public"."cases"("firm_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_assignee_user_id_users_id_fk" FOREIGN KEY ("assignee_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_created_by_account_id_users_id_fk" FOREIGN KEY ("created_by_account_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_firm_id_client_file_id_client_files_firm_id_id_fk" FOREIGN KEY ("firm_id","client_file_id") REFERENCES "public"."client_files"("firm_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "confirmation_evidence" ADD CONSTRAINT "confirmation_evidence_firm_id_request_id_confirmation_requests_firm_id_id_fk" FOREIGN KEY ("firm_id","request_id") REFERENCES "public"."confirmation_requests"("firm_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "confirmation_requests" ADD CONSTRAINT "confirmation_requests_firm_id_client_file_id_client_files_firm_id_id_fk" FOREIGN KEY ("firm_id","client_file_id") REFERENCES "public"."client_files"("firm_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_reads" ADD CONSTRAINT "document_reads_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_reads" ADD CONSTRAINT "document_reads_firm_id_document_id_documents_firm_id_id_fk" FOREIGN KEY ("firm_id","document_id") REFERENCES "public"."documents"("firm_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_digests" ADD CONSTRAINT "notification_digests_recipient_user_id_users_id_fk" FOREIGN KEY ("recipient_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_items" ADD CONSTRAINT "notification_items_recipient_user_id_users_id_fk" FOREIGN KEY ("recipient_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_settings" ADD CONSTRAINT "notification_settings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_attachments_message_idx" ON "case_attachments" USING btree ("firm_id","message_id");--> statement-breakpoint
CREATE INDEX "case_attachments_case_idx" ON "case_attachments" USING btree ("firm_id","case_id");--> statement-breakpoint
CREATE INDEX "case_messages_case_idx" ON "case_messages" USING btree ("firm_id","case_id","created_at");--> statement-breakpoint
CREATE INDEX "cases_activity_idx" ON "cases" USING btree ("firm_id","last_activity_at","id");--> statement-breakpoint
CREATE INDEX "cases_file_idx" ON "cases" USING btree ("firm_id","client_file_id","last_activity_at");--> statement-breakpoint
CREATE INDEX "cases_assignee_idx" ON "cases" USING btree ("firm_id","assignee_user_id","status");--> statement-breakpoint
CREATE INDEX "cases_subject_search_idx" ON "cases" USING gin (lower("subject") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "confirmation_requests_document_idx" ON "confirmation_requests" USING btree ("firm_id","document_id","created_at");--> statement-breakpoint
CREATE INDEX "confirmation_requests_file_idx" ON "confirmation_requests" USING btree ("firm_id","client_file_id","status");--> statement-breakpoint
CREATE INDEX "confirmation_requests_due_idx" ON "confirmation_requests" USING btree ("next_reminder_at") WHERE "confirmation_requests"."next_reminder_at" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "confirmation_requests_open_once_idx" ON "confirmation_requests" USING btree ("firm_id","document_id","grantee_id") WHERE "confirmation_requests"."status" = 'open';--> statement-breakpoint
CREATE INDEX "document_reads_user_idx" ON "document_reads" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "notification_digests_recipient_idx" ON "notification_digests" USING btree ("firm_id","recipient_user_id","sent_at");--> statement-breakpoint
CREATE INDEX "notification_items_pending_idx" ON "notification_items" USING btree ("firm_id","recipient_user_id","created_at") WHERE "notification_items"."digest_id" is null and "notification_items"."skipped_at" is null;--> statement-breakpoint
CREATE INDEX "notification_items_digest_idx" ON "notification_items" USING btree ("firm_id","digest_id");