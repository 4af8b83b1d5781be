CREATE TABLE "api_keys" (
	"firm_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"scopes" text[] NOT NULL,
	"prefix" text NOT NULL,
	"secret_hash" text NOT NULL,
	"created_by" text NOT NULL,
	"created_by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"revoked_by" text,
	CONSTRAINT "api_keys_firm_id_id_pk" PRIMARY KEY("firm_id","id"),
	CONSTRAINT "api_keys_scopes_check" CHECK ("api_keys"."scopes" <@ array['read', 'write', 'import']::text[])
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"firm_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"endpoint_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"event_type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_status_code" integer,
	"last_response" text,
	"created_at" timestamp with time zone NOT NULL,
	"last_attempt_at" timestamp with time zone,
	"next_attempt_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"resent_from" uuid,
	CONSTRAINT "webhook_deliveries_firm_id_id_pk" PRIMARY KEY("firm_id","id"),
	CONSTRAINT "webhook_deliveries_status_check" CHECK ("webhook_deliveries"."status" in ('pending', 'delivered', 'retrying', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "webhook_endpoints" (
	"firm_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"url" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"events" text[] NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"secret_sealed" text NOT NULL,
	"secret_hint" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"secret_rotated_at" timestamp with time zone,
	CONSTRAINT "webhook_endpoints_firm_id_id_pk" PRIMARY KEY("firm_id","id")
);
--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_firm_id_endpoint_id_webhook_endpoints_firm_id_id_fk" FOREIGN KEY ("firm_id","endpoint_id") REFERENCES "public"."webhook_endpoints"("firm_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "webhook_deliveries_endpoint_idx" ON "webhook_deliveries" USING btree ("firm_id","endpoint_id","created_at");--> statement-breakpoint
CREATE INDEX "webhook_endpoints_active_idx" ON "webhook_endpoints" USING btree ("firm_id") WHERE "webhook_endpoints"."active" = true;--> statement-breakpoint
CREATE INDEX "persons_updated_idx" ON "persons" USING btree ("firm_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "documents_updated_idx" ON "documents" USING btree ("firm_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "claims_updated_idx" ON "claims" USING btree ("firm_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "contracts_updated_idx" ON "contracts" USING btree ("firm_id","updated_at","id");