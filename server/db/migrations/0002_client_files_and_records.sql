CREATE TABLE "audit_events" (
	"firm_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_user_id" text,
	"actor_name" text,
	"actor_kind" text NOT NULL,
	"client_file_id" uuid,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"before" jsonb,
	"after" jsonb,
	"ip" text,
	"user_agent" text,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "audit_events_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	CONSTRAINT "audit_events_firm_id_id_pk" PRIMARY KEY("firm_id","id")
);
--> statement-breakpoint
CREATE TABLE "client_file_team" (
	"firm_id" uuid NOT NULL,
	"client_file_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "client_file_team_firm_id_client_file_id_user_id_pk" PRIMARY KEY("firm_id","client_file_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "client_files" (
	"firm_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"display_name" text NOT NULL,
	"number" text NOT NULL,
	"external_id" text,
	"case_owner_id" text NOT NULL,
	"notes" text,
	"search_text" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "client_files_firm_id_id_pk" PRIMARY KEY("firm_id","id"),
	CONSTRAINT "client_files_kind_check" CHECK ("client_files"."kind" in ('private', 'business'))
);
--> statement-breakpoint
CREATE TABLE "persons" (
	"firm_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"client_file_id" uuid NOT NULL,
	"role" text NOT NULL,
	"relation_to_holder" text,
	"is_commercial_contact" boolean DEFAULT false NOT NULL,
	"is_operational_contact" boolean DEFAULT false NOT NULL,
	"is_employee" boolean DEFAULT false NOT NULL,
	"advisor_kind" text,
	"organisation" text,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"email" text,
	"phone_e164" text,
	"phone_country" text,
	"salutation" text DEFAULT 'formal' NOT NULL,
	"language" text DEFAULT 'de' NOT NULL,
	"birth_date" date,
	"external_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "persons_firm_id_id_pk" PRIMARY KEY("firm_id","id"),
	CONSTRAINT "persons_role_check" CHECK ("persons"."role" in ('holder', 'co_holder', 'partner', 'child', 'relative', 'contact', 'external_advisor')),
	CONSTRAINT "persons_advisor_kind_check" CHECK ("persons"."advisor_kind" is null or "persons"."advisor_kind" in ('banker', 'notary', 'lawyer', 'tax_advisor', 'accountant', 'other')),
	CONSTRAINT "persons_salutation_check" CHECK ("persons"."salutation" in ('formal', 'informal')),
	CONSTRAINT "persons_language_check" CHECK ("persons"."language" in ('de', 'fr', 'en'))
);
--> statement-breakpoint
CREATE TABLE "document_categories" (
	"firm_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_categories_firm_id_id_pk" PRIMARY KEY("firm_id","id")
);
--> statement-breakpoint
CREATE TABLE "document_versions" (
	"firm_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"storage_key" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" text NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_versions_firm_id_document_id_version_pk" PRIMARY KEY("firm_id","document_id","version"),
	CONSTRAINT "document_versions_sha256_check" CHECK ("document_versions"."sha256" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"firm_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"client_file_id" uuid NOT NULL,
	"title" text NOT NULL,
	"category_id" uuid NOT NULL,
	"contract_id" uuid,
	"claim_id" uuid,
	"document_date" date,
	"shared_to_portal" boolean DEFAULT false NOT NULL,
	"current_version" integer DEFAULT 1 NOT NULL,
	"external_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "documents_firm_id_id_pk" PRIMARY KEY("firm_id","id")
);
--> statement-breakpoint
CREATE TABLE "import_runs" (
	"firm_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'previewed' NOT NULL,
	"file_name" text NOT NULL,
	"storage_key" text NOT NULL,
	"options" jsonb NOT NULL,
	"total_rows" integer DEFAULT 0 NOT NULL,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"created_rows" integer DEFAULT 0 NOT NULL,
	"updated_rows" integer DEFAULT 0 NOT NULL,
	"unchanged_rows" integer DEFAULT 0 NOT NULL,
	"error_rows" integer DEFAULT 0 NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "import_runs_firm_id_id_pk" PRIMARY KEY("firm_id","id"),
	CONSTRAINT "import_runs_kind_check" CHECK ("import_runs"."kind" in ('client_files', 'persons', 'contracts')),
	CONSTRAINT "import_runs_status_check" CHECK ("import_runs"."status" in ('previewed', 'running', 'done', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "assets" (
	"firm_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"client_file_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"description" text NOT NULL,
	"value" numeric(14, 2) NOT NULL,
	"currency" text DEFAULT 'EUR' NOT NULL,
	"valuation_date" date,
	"external_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assets_firm_id_id_pk" PRIMARY KEY("firm_id","id"),
	CONSTRAINT "assets_kind_check" CHECK ("assets"."kind" in ('real_estate', 'bank_account', 'securities', 'life_insurance', 'pension', 'business_share', 'vehicle', 'valuables', 'other'))
);
--> statement-breakpoint
CREATE TABLE "claims" (
	"firm_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"client_file_id" uuid NOT NULL,
	"contract_id" uuid,
	"claim_date" date NOT NULL,
	"description" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"amount" numeric(14, 2),
	"currency" text DEFAULT 'EUR' NOT NULL,
	"insurer_reference" text,
	"external_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "claims_firm_id_id_pk" PRIMARY KEY("firm_id","id"),
	CONSTRAINT "claims_status_check" CHECK ("claims"."status" in ('open', 'in_progress', 'settled', 'rejected', 'closed'))
);
--> statement-breakpoint
CREATE TABLE "contracts" (
	"firm_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"client_file_id" uuid NOT NULL,
	"number" text,
	"insurer" text NOT NULL,
	"product_name" text,
	"risk" text,
	"line_of_business_id" uuid,
	"status" text NOT NULL,
	"offer_date" date,
	"application_date" date,
	"document_date" date,
	"start_date" date,
	"end_date" date,
	"premium" numeric(14, 2),
	"premium_frequency" text,
	"currency" text DEFAULT 'EUR' NOT NULL,
	"external_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contracts_firm_id_id_pk" PRIMARY KEY("firm_id","id"),
	CONSTRAINT "contracts_status_check" CHECK ("contracts"."status" in ('request', 'offer', 'foreign', 'partly_foreign', 'locked', 'info', 'dormant', 'cancelled', 'own')),
	CONSTRAINT "contracts_frequency_check" CHECK ("contracts"."premium_frequency" is null or "contracts"."premium_frequency" in ('monthly', 'quarterly', 'half_yearly', 'yearly', 'once'))
);
--> statement-breakpoint
CREATE TABLE "donations" (
	"firm_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"client_file_id" uuid NOT NULL,
	"donor_person_id" uuid,
	"donor_name" text,
	"beneficiary_person_id" uuid,
	"beneficiary_name" text,
	"donation_date" date NOT NULL,
	"amount" numeric(14, 2) NOT NULL,
	"currency" text DEFAULT 'EUR' NOT NULL,
	"kind" text NOT NULL,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "donations_firm_id_id_pk" PRIMARY KEY("firm_id","id"),
	CONSTRAINT "donations_kind_check" CHECK ("donations"."kind" in ('cash', 'real_estate', 'securities', 'business_share', 'usufruct', 'other'))
);
--> statement-breakpoint
CREATE TABLE "lines_of_business" (
	"firm_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lines_of_business_firm_id_id_pk" PRIMARY KEY("firm_id","id")
);
--> statement-breakpoint
CREATE TABLE "reference_address_contracts" (
	"firm_id" uuid NOT NULL,
	"address_id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	CONSTRAINT "reference_address_contracts_firm_id_address_id_contract_id_pk" PRIMARY KEY("firm_id","address_id","contract_id")
);
--> statement-breakpoint
CREATE TABLE "reference_addresses" (
	"firm_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"client_file_id" uuid NOT NULL,
	"label" text NOT NULL,
	"street" text NOT NULL,
	"postal_code" text NOT NULL,
	"city" text NOT NULL,
	"country" text DEFAULT 'DE' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reference_addresses_firm_id_id_pk" PRIMARY KEY("firm_id","id")
);
--> statement-breakpoint
CREATE TABLE "staff_invitations" (
	"firm_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"language" text NOT NULL,
	"invited_by" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"accepted_user_id" text,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staff_invitations_firm_id_id_pk" PRIMARY KEY("firm_id","id"),
	CONSTRAINT "staff_invitations_role_check" CHECK ("staff_invitations"."role" in ('admin', 'advisor', 'assistant')),
	CONSTRAINT "staff_invitations_status_check" CHECK ("staff_invitations"."status" in ('pending', 'accepted', 'revoked', 'expired'))
);
--> statement-breakpoint
CREATE TABLE "one_time_tokens" (
	"firm_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"consumed_at" timestamp with time zone,
	"voided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "one_time_tokens_firm_id_id_pk" PRIMARY KEY("firm_id","id"),
	CONSTRAINT "one_time_tokens_purpose_check" CHECK ("one_time_tokens"."purpose" in ('staff_invitation', 'client_invitation', 'password_reset'))
);
--> statement-breakpoint
ALTER TABLE "firms" ADD COLUMN "street" text;--> statement-breakpoint
ALTER TABLE "firms" ADD COLUMN "postal_code" text;--> statement-breakpoint
ALTER TABLE "firms" ADD COLUMN "city" text;--> statement-breakpoint
ALTER TABLE "firms" ADD COLUMN "country" text DEFAULT 'DE' NOT NULL;--> statement-breakpoint
ALTER TABLE "firms" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "firms" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "firms" ADD COLUMN "website" text;--> statement-breakpoint
ALTER TABLE "firms" ADD COLUMN "logo_storage_key" text;--> statement-breakpoint
ALTER TABLE "firms" ADD COLUMN "logo_content_type" text;--> statement-breakpoint
ALTER TABLE "firms" ADD COLUMN "primary_color" text DEFAULT '#0f4c5c' NOT NULL;--> statement-breakpoint
ALTER TABLE "firms" ADD COLUMN "accent_color" text DEFAULT '#e36414' NOT NULL;--> statement-breakpoint
ALTER TABLE "firms" ADD COLUMN "public_code" text;--> statement-breakpoint
-- Firms from before this migration get a code from their id; the application generates new ones.
-- The owner is subject to the forced RLS too; secureDatabase() forces it again after migrating.
ALTER TABLE "firms" NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
UPDATE "firms" SET "public_code" = upper(substr(replace("firm_id"::text, '-', ''), 25, 8)) WHERE "public_code" IS NULL;--> statement-breakpoint
ALTER TABLE "firms" ALTER COLUMN "public_code" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "firms" ADD COLUMN "access_managed_by" text DEFAULT 'case_owner_and_admins' NOT NULL;--> statement-breakpoint
ALTER TABLE "firms" ADD COLUMN "reminder_days" integer[] DEFAULT '{2,7}'::integer[] NOT NULL;--> statement-breakpoint
ALTER TABLE "firms" ADD COLUMN "invitation_lifetime_days" integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE "firms" ADD COLUMN "default_salutation" text DEFAULT 'formal' NOT NULL;--> statement-breakpoint
ALTER TABLE "firms" ADD COLUMN "recommended_category_keys" text[] DEFAULT '{policy,invoice,advice_record,claim}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "firms" ADD COLUMN "holders_access_irrevocable" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "firms" ADD COLUMN "second_factor" text DEFAULT 'any' NOT NULL;--> statement-breakpoint
ALTER TABLE "firms" ADD COLUMN "sender_name" text;--> statement-breakpoint
ALTER TABLE "firms" ADD COLUMN "reply_to" text;--> statement-breakpoint
ALTER TABLE "staff_members" ADD COLUMN "deactivated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "client_file_team" ADD CONSTRAINT "client_file_team_firm_id_client_file_id_client_files_firm_id_id_fk" FOREIGN KEY ("firm_id","client_file_id") REFERENCES "public"."client_files"("firm_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_firm_id_client_file_id_client_files_firm_id_id_fk" FOREIGN KEY ("firm_id","client_file_id") REFERENCES "public"."client_files"("firm_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_firm_id_document_id_documents_firm_id_id_fk" FOREIGN KEY ("firm_id","document_id") REFERENCES "public"."documents"("firm_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_firm_id_client_file_id_client_files_firm_id_id_fk" FOREIGN KEY ("firm_id","client_file_id") REFERENCES "public"."client_files"("firm_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_firm_id_category_id_document_categories_firm_id_id_fk" FOREIGN KEY ("firm_id","category_id") REFERENCES "public"."document_categories"("firm_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_firm_id_client_file_id_client_files_firm_id_id_fk" FOREIGN KEY ("firm_id","client_file_id") REFERENCES "public"."client_files"("firm_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_firm_id_client_file_id_client_files_firm_id_id_fk" FOREIGN KEY ("firm_id","client_file_id") REFERENCES "public"."client_files"("firm_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_firm_id_contract_id_contracts_firm_id_id_fk" FOREIGN KEY ("firm_id","contract_id") REFERENCES "public"."contracts"("firm_id","id") ON DELETE SET NULL ("contract_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_firm_id_client_file_id_client_files_firm_id_id_fk" FOREIGN KEY ("firm_id","client_file_id") REFERENCES "public"."client_files"("firm_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_firm_id_line_of_business_id_lines_of_business_firm_id_id_fk" FOREIGN KEY ("firm_id","line_of_business_id") REFERENCES "public"."lines_of_business"("firm_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donations" ADD CONSTRAINT "donations_firm_id_client_file_id_client_files_firm_id_id_fk" FOREIGN KEY ("firm_id","client_file_id") REFERENCES "public"."client_files"("firm_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reference_address_contracts" ADD CONSTRAINT "reference_address_contracts_firm_id_address_id_reference_addresses_firm_id_id_fk" FOREIGN KEY ("firm_id","address_id") REFERENCES "public"."reference_addresses"("firm_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reference_address_contracts" ADD CONSTRAINT "reference_address_contracts_firm_id_contract_id_contracts_firm_id_id_fk" FOREIGN KEY ("firm_id","contract_id") REFERENCES "public"."contracts"("firm_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reference_addresses" ADD CONSTRAINT "reference_addresses_firm_id_client_file_id_client_files_firm_id_id_fk" FOREIGN KEY ("firm_id","client_file_id") REFERENCES "public"."client_files"("firm_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_events_firm_idx" ON "audit_events" USING btree ("firm_id","at","seq");--> statement-breakpoint
CREATE INDEX "audit_events_file_idx" ON "audit_events" USING btree ("firm_id","client_file_id","at","seq");--> statement-breakpoint
CREATE INDEX "client_file_team_user_idx" ON "client_file_team" USING btree ("firm_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "client_files_number_idx" ON "client_files" USING btree ("firm_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "client_files_external_id_idx" ON "client_files" USING btree ("firm_id","external_id");--> statement-breakpoint
CREATE INDEX "client_files_name_idx" ON "client_files" USING btree ("firm_id","display_name","id");--> statement-breakpoint
CREATE INDEX "client_files_owner_idx" ON "client_files" USING btree ("firm_id","case_owner_id");--> statement-breakpoint
CREATE INDEX "client_files_search_idx" ON "client_files" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "persons_file_idx" ON "persons" USING btree ("firm_id","client_file_id");--> statement-breakpoint
CREATE INDEX "persons_email_idx" ON "persons" USING btree ("firm_id","email");--> statement-breakpoint
CREATE UNIQUE INDEX "persons_external_id_idx" ON "persons" USING btree ("firm_id","external_id");--> statement-breakpoint
CREATE UNIQUE INDEX "document_categories_key_idx" ON "document_categories" USING btree ("firm_id","key");--> statement-breakpoint
CREATE INDEX "documents_file_idx" ON "documents" USING btree ("firm_id","client_file_id","created_at");--> statement-breakpoint
CREATE INDEX "documents_contract_idx" ON "documents" USING btree ("firm_id","contract_id");--> statement-breakpoint
CREATE UNIQUE INDEX "documents_external_id_idx" ON "documents" USING btree ("firm_id","external_id");--> statement-breakpoint
CREATE INDEX "assets_file_idx" ON "assets" USING btree ("firm_id","client_file_id");--> statement-breakpoint
CREATE UNIQUE INDEX "assets_external_id_idx" ON "assets" USING btree ("firm_id","external_id");--> statement-breakpoint
CREATE INDEX "claims_file_idx" ON "claims" USING btree ("firm_id","client_file_id");--> statement-breakpoint
CREATE INDEX "claims_contract_idx" ON "claims" USING btree ("firm_id","contract_id");--> statement-breakpoint
CREATE UNIQUE INDEX "claims_external_id_idx" ON "claims" USING btree ("firm_id","external_id");--> statement-breakpoint
CREATE INDEX "contracts_file_idx" ON "contracts" USING btree ("firm_id","client_file_id");--> statement-breakpoint
CREATE UNIQUE INDEX "contracts_external_id_idx" ON "contracts" USING btree ("firm_id","external_id");--> statement-breakpoint
CREATE INDEX "donations_file_idx" ON "donations" USING btree ("firm_id","client_file_id");--> statement-breakpoint
CREATE UNIQUE INDEX "lines_of_business_code_idx" ON "lines_of_business" USING btree ("firm_id","code");--> statement-breakpoint
CREATE INDEX "reference_address_contracts_contract_idx" ON "reference_address_contracts" USING btree ("firm_id","contract_id");--> statement-breakpoint
CREATE INDEX "reference_addresses_file_idx" ON "reference_addresses" USING btree ("firm_id","client_file_id");--> statement-breakpoint
CREATE INDEX "staff_invitations_email_idx" ON "staff_invitations" USING btree ("firm_id","email");--> statement-breakpoint
CREATE INDEX "one_time_tokens_hash_idx" ON "one_time_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "one_time_tokens_subject_idx" ON "one_time_tokens" USING btree ("firm_id","purpose","subject_id");--> statement-breakpoint
CREATE UNIQUE INDEX "firms_public_code_idx" ON "firms" USING btree ("public_code");--> statement-breakpoint
ALTER TABLE "firms" ADD CONSTRAINT "firms_access_managed_by_check" CHECK ("firms"."access_managed_by" in ('case_owner', 'admins', 'case_owner_and_admins'));--> statement-breakpoint
ALTER TABLE "firms" ADD CONSTRAINT "firms_second_factor_check" CHECK ("firms"."second_factor" in ('none', 'any', 'sms', 'totp', 'passkey'));--> statement-breakpoint
ALTER TABLE "firms" ADD CONSTRAINT "firms_salutation_check" CHECK ("firms"."default_salutation" in ('formal', 'informal'));--> statement-breakpoint
ALTER TABLE "firms" ADD CONSTRAINT "firms_language_check" CHECK ("firms"."default_language" in ('de', 'fr', 'en'));